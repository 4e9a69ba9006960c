package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in        string
		ok        bool
		precision Precision
		start     string
		end       string
	}{
		{"2023", true, Year, "2023-01-01", "2024-01-01"},
		{"2023-04", true, Month, "2023-04-01", "2023-05-01"},
		{"2023-12", true, Month, "2023-12-01", "2024-01-01"},
		{"2023-04-25", true, Day, "2023-04-25", "2023-04-26"},
		{"2024-02-29", true, Day, "2024-02-29", "2024-03-01"},
		{"2023-02-29", false, 0, "", ""},
		{"2023-13", false, 0, "", ""},
		{"2023-00", false, 0, "", ""},
		{"2023-4", false, 0, "", ""},
		{"23-04-01", false, 0, "", ""},
		{"+023", false, 0, "", ""},
		{"0000", false, 0, "", ""},
		{"2023/04", false, 0, "", ""},
		{"", false, 0, "", ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			d, err := Parse(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("Parse(%q) error %v, want ok=%v", c.in, err, c.ok)
			}
			if !c.ok {
				return
			}
			if d.Precision() != c.precision || d.String() != c.in {
				t.Errorf("Parse(%q) = %v at precision %d", c.in, d, d.Precision())
			}
			if got := d.Start().Format(time.DateOnly); got != c.start {
				t.Errorf("Start = %s, want %s", got, c.start)
			}
			if got := d.End().Format(time.DateOnly); got != c.end {
				t.Errorf("End = %s, want %s", got, c.end)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2023", "2023-04", "2023-04-25", "9999-12-31", "2023-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, d.String())
		}
		if !d.Start().Before(d.End()) {
			t.Fatalf("%q: start %v not before end %v", s, d.Start(), d.End())
		}
	})
}
