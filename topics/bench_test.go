package topics

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkAssign files the five seed articles under the default topics.
func BenchmarkAssign(b *testing.B) {
	files, _ := filepath.Glob("../seeds/*.txt")
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	tx := Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			tx.Assign("", t)
		}
	}
}
