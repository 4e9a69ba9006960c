package dates

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

const (
	Unknown Precision = iota // no date
	Year                     // 2023
	Month                    // 2023-04
	Day                      // 2023-04-25
)

// Date is a calendar date known to the day, the month or the year. The zero
// Date is unknown.
type Date struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the month or year is known
}

// Precision returns how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return Unknown
	case d.Month == 0:
		return Year
	case d.Day == 0:
		return Month
	}
	return Day
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Start returns the first instant of the period d names, in UTC.
func (d Date) Start() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// End returns the first instant after the period d names, in UTC.
func (d Date) End() time.Time {
	switch d.Precision() {
	case Year:
		return d.Start().AddDate(1, 0, 0)
	case Month:
		return d.Start().AddDate(0, 1, 0)
	}
	return d.Start().AddDate(0, 0, 1)
}

// String formats d in ISO 8601 at its precision: "2023-04-25", "2023-04",
// "2023", or "" when unknown.
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return ""
}

// ErrSyntax reports a date that Parse cannot read.
var ErrSyntax = errors.New("want YYYY, YYYY-MM or YYYY-MM-DD")

// Parse reads a date written YYYY, YYYY-MM or YYYY-MM-DD.
func Parse(s string) (Date, error) {
	var d Date
	bad := func() (Date, error) { return Date{}, fmt.Errorf("date %q: %w", s, ErrSyntax) }
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad()
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1 || s[0] == '+' || s[0] == '-' {
		return bad()
	}
	d.Year = y
	if len(s) >= 7 {
		m, err := strconv.Atoi(s[5:7])
		if s[4] != '-' || err != nil || m < 1 || m > 12 || s[5] == '+' {
			return bad()
		}
		d.Month = time.Month(m)
	}
	if len(s) == 10 {
		day, err := strconv.Atoi(s[8:10])
		if s[7] != '-' || err != nil || day < 1 || s[8] == '+' || day > daysIn(d.Year, d.Month) {
			return bad()
		}
		d.Day = day
	}
	return d, nil
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Of returns the date of t, known to the day.
func Of(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }
