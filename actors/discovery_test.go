package actors

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// annotated is a paragraph of testdata/discovery with the names a reader
// finds in it.
type annotated struct {
	file string
	want []Found // Name and Kind
	text string
}

func readAnnotated(t *testing.T) []annotated {
	t.Helper()
	files, err := filepath.Glob("testdata/discovery/*.txt")
	if err != nil || len(files) < 8 {
		t.Fatalf("%d discovery texts (%v), want at least 8", len(files), err)
	}
	var out []annotated
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(data), "---\n")
		if !ok {
			t.Fatalf("%s: no --- line", f)
		}
		a := annotated{file: filepath.Base(f), text: strings.TrimSpace(text)}
		for _, line := range strings.Split(head, "\n") {
			if rest, ok := strings.CutPrefix(line, "want:"); ok {
				name, kind, _ := strings.Cut(rest, "|")
				a.want = append(a.want, Found{Name: strings.TrimSpace(name), Kind: Kind(strings.TrimSpace(kind))})
			}
		}
		out = append(out, a)
	}
	return out
}

// TestDiscoveryPrecisionRecall measures the discovery rules against
// paragraphs annotated by hand: precision first.
func TestDiscoveryPrecisionRecall(t *testing.T) {
	g := Default()
	var tp, fp, fn int
	byKind := map[Kind]*[3]int{Person: {}, Organisation: {}} // true positives, false positives, false negatives
	found := map[string]bool{}
	for _, a := range readAnnotated(t) {
		for _, w := range a.want {
			if _, known := g.Lookup(w.Name); known {
				t.Errorf("%s: %s is in the gazetteer: not a discovery test", a.file, w.Name)
			}
		}
		actors, _ := g.Find("", a.text)
		var got []Found
		for _, f := range actors {
			if f.Discovered {
				got = append(got, f)
			}
		}
		for _, f := range got {
			i := slices.IndexFunc(a.want, func(w Found) bool { return Key(w.Name) == Key(f.Name) && w.Kind == f.Kind })
			if i < 0 {
				fp++
				byKind[f.Kind][1]++
				t.Logf("%s: false positive %s (%s, %d)", a.file, f.Name, f.Kind, f.Count)
				continue
			}
			tp++
			byKind[f.Kind][0]++
			found[f.Name] = true
		}
		for _, w := range a.want {
			if !slices.ContainsFunc(got, func(f Found) bool { return Key(w.Name) == Key(f.Name) && w.Kind == f.Kind }) {
				fn++
				byKind[w.Kind][2]++
				t.Logf("%s: missed %s (%s)", a.file, w.Name, w.Kind)
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("discovery: precision %.2f, recall %.2f (%d true positives, %d false positives, %d false negatives)", precision, recall, tp, fp, fn)
	for _, k := range []Kind{Person, Organisation} {
		c := byKind[k]
		t.Logf("  %s: %d true positives, %d false positives, %d false negatives", k, c[0], c[1], c[2])
	}
	if precision < 0.9 {
		t.Errorf("precision %.2f, want ≥ 0.9", precision)
	}
	if recall < 0.6 {
		t.Errorf("recall %.2f, want ≥ 0.6", recall)
	}
	for _, name := range []string{"Satya Nadella", "David Faber"} {
		if !found[name] {
			t.Errorf("%s not discovered", name)
		}
	}
}
