package fold

import (
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"procès", "proces"},
		{"entraînement", "entrainement"},
		{"cœur", "coeur"},
		{"ex æquo", "ex aequo"},
		{"façade", "facade"},
		{"naïve", "naive"},
		{"straße", "strasse"},
		{"łódź", "lodz"},
		{"nguyễn", "nguyen"},
		{"API", "API"}, // only letters with diacritics change; case is not folded
		{"东京", "东京"},
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("Procès à l’été, cœur ß")
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if utf8.ValidString(s) != utf8.ValidString(got) {
			t.Fatalf("String(%q) = %q: validity changed", s, got)
		}
		if String(got) != got {
			t.Fatalf("String is not idempotent on %q", s)
		}
	})
}
