package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestTerminal checks that matched words are in bold on a terminal.
func TestTerminal(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runEnv(context.Background(), []string{"API payante"}, env{
		stdout: &stdout, stderr: &stderr, terminal: true, progressShown: new(bool),
		getenv: func(k string) string {
			if k == "DOSSIER_CACHE_DIR" {
				return "off"
			}
			return ""
		},
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "\x1b[1mAPI payante\x1b[0m") || strings.Contains(stdout.String(), "«API") {
		t.Errorf("no bold marks:\n%s", stdout.String())
	}
}

func TestParseArgs(t *testing.T) {
	for _, c := range []struct {
		args []string
		rest string
		json bool
	}{
		{[]string{"API", "payante"}, "API payante", false},
		{[]string{"--json", "API", "payante"}, "API payante", true},
		{[]string{"API", "--json", "payante"}, "API payante", true},
		{[]string{"API", "--", "--json", "-x"}, "API --json -x", false},
	} {
		var o options
		rest, err := parseArgs(newFlagSet(&o), c.args)
		if err != nil || strings.Join(rest, " ") != c.rest || o.json != c.json {
			t.Errorf("parseArgs(%q) = %q, json %v, %v", c.args, rest, o.json, err)
		}
	}
}

// TestProgressBar runs index as on a terminal: a progress bar on stderr,
// erased before the summary.
func TestProgressBar(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runEnv(context.Background(), []string{"index", "../../ingest/testdata/articles", "--out", t.TempDir()}, env{
		stdout: &stdout, stderr: &stderr, stderrTerminal: true, progressShown: new(bool),
		getenv: func(string) string { return "" },
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"\r\x1b[K[", "files · ", " MB · ", " MB/s · ", " left", "\r\x1b[K"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %q", want, stderr.String())
		}
	}
	if !strings.HasSuffix(stderr.String(), "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end: %q", stderr.String())
	}
}
