package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/dossier-search/dossier-search/internal/golden"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/seeds"
)

// TestMain lets the test binary be the command: run with
// DOSSIER_SEARCH_MAIN=1, it is dossier-search, so that the tests below run
// the real program in a process of its own, with its exit status, stdout
// and stderr. DOSSIER_SEARCH_FSIZE=N limits the size of the files it
// writes to N bytes, as a full disk would (writes past it fail with EFBIG).
func TestMain(m *testing.M) {
	if os.Getenv("DOSSIER_SEARCH_MAIN") == "1" {
		if n, err := strconv.ParseUint(os.Getenv("DOSSIER_SEARCH_FSIZE"), 10, 64); err == nil {
			lim := syscall.Rlimit{Cur: n, Max: n}
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
				fmt.Fprintln(os.Stderr, "setrlimit:", err)
				os.Exit(3)
			}
		}
		main()
		return
	}
	os.Exit(m.Run())
}

type result struct {
	stdout, stderr string
	code           int
}

// command runs dossier-search with args and extra environment variables.
func command(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DOSSIER_SEARCH_MAIN=1", "DOSSIER_CACHE_DIR=off", "DOSSIER_INDEX=")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

var took = regexp.MustCompile(`\([0-9.]+ ms\)`)

func TestText(t *testing.T) {
	r := command(t, nil, "API", "payante")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"4 documents for API payante", "\n1. ", "«API payante»", "\nFacets\n", "source:  jeuxvideo.com (2)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("escape sequences in output that is not a terminal")
	}
	golden.Check(t, "testdata/api_payante.golden", took.ReplaceAllString(r.stdout, "(… ms)"))
}

// TestJSON checks the shape of --json: the fields documented in the README,
// with their types.
func TestJSON(t *testing.T) {
	r := command(t, nil, "--json", "API payante")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	is := func(v any, kind string) bool {
		switch kind {
		case "string":
			_, ok := v.(string)
			return ok
		case "number":
			_, ok := v.(float64)
			return ok
		case "array":
			_, ok := v.([]any)
			return ok
		case "object":
			_, ok := v.(map[string]any)
			return ok
		case "string or null":
			_, ok := v.(string)
			return ok || v == nil
		}
		return false
	}
	check := func(where string, obj map[string]any, fields map[string]string) {
		for name, kind := range fields {
			v, ok := obj[name]
			if !ok || !is(v, kind) {
				t.Errorf("%s.%s = %#v, want a %s", where, name, v, kind)
			}
		}
	}
	check("", out, map[string]string{"query": "string", "total": "number", "took_ms": "number", "hits": "array", "facets": "object"})
	if out["query"] != "API payante" || out["total"] != 4.0 {
		t.Errorf("query %v, total %v", out["query"], out["total"])
	}
	hits, _ := out["hits"].([]any)
	if len(hits) != 4 {
		t.Fatalf("%d hits, want 4", len(hits))
	}
	for _, h := range hits {
		hit, _ := h.(map[string]any)
		check("hit", hit, map[string]string{"id": "string", "title": "string", "published": "string or null", "source": "string",
			"score": "number", "actors": "array", "topics": "array", "snippets": "array"})
		snippets, _ := hit["snippets"].([]any)
		if len(snippets) == 0 || !strings.Contains(r.stdout, "<mark>API</mark>") {
			t.Errorf("hit %v: snippets %v, want <mark>API</mark>", hit["id"], snippets)
		}
	}
	facets, _ := out["facets"].(map[string]any)
	for _, name := range []string{"actor", "topic", "date", "source"} {
		values, ok := facets[name].([]any)
		if !ok {
			t.Errorf("facets.%s = %#v, want an array", name, facets[name])
			continue
		}
		for _, v := range values {
			fv, _ := v.(map[string]any)
			check("facets."+name, fv, map[string]string{"value": "string", "count": "number"})
		}
	}
	if !strings.Contains(r.stdout, `"date":[{"value":"2023-04","count":3}]`) {
		t.Errorf("date facet missing or wrong:\n%s", r.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string // what the one line on stderr must say
		stdout string
	}{
		{"hits", []string{"Gates"}, 0, "", "1 document for Gates"},
		{"no hit", []string{"zzzzzz"}, 0, "", "0 documents"},
		{"help", []string{"--help"}, 0, "", "Usage:"},
		{"malformed query", []string{"(Musk OR Gates"}, 2, "query: column 1: unbalanced parenthesis (", ""},
		{"unbalanced quote", []string{`API "payante`}, 2, "column 5: unbalanced quotation mark", ""},
		{"unknown field", []string{"auteur:Musk"}, 2, `unknown field "auteur"`, ""},
		{"bad date in query", []string{"date:2023-13"}, 2, `bad date "2023-13"`, ""},
		{"unknown flag", []string{"--nope", "x"}, 2, "unknown flag -nope", ""},
		{"bad number", []string{"--limit", "abc", "x"}, 2, "invalid value", ""},
		{"negative limit", []string{"--limit", "-3", "x"}, 2, "--limit", ""},
		{"bad date flag", []string{"--since", "2023-13", "x"}, 2, `--since "2023-13"`, ""},
		{"missing index", []string{"--index", "/nonexistent/index", "x"}, 2, "no index there", ""},
		{"flag of another command", []string{"analyze", "--limit", "3", "x"}, 2, "--limit does not apply to analyze", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := command(t, nil, c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, c.code, r.stderr)
			}
			if c.stderr == "" && r.stderr != "" {
				t.Errorf("stderr %q, want nothing", r.stderr)
			}
			if c.stderr != "" {
				if !strings.Contains(r.stderr, c.stderr) || strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "dossier-search: ") {
					t.Errorf("stderr %q, want one line saying %q", r.stderr, c.stderr)
				}
				if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
					t.Errorf("stderr has a stack trace: %q", r.stderr)
				}
			}
			if !strings.Contains(r.stdout, c.stdout) {
				t.Errorf("stdout lacks %q:\n%s", c.stdout, r.stdout)
			}
		})
	}
}

func TestCommands(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"flags after the query", []string{"Gates", "--limit", "1", "--json"}, []string{`"total":1`}},
		{"search command", []string{"search", "analyze"}, []string{"0 documents for analyze"}},
		{"query starting with -", []string{"--", "-Yaccarino", "Gates"}, []string{"1 document for -Yaccarino Gates", "002_"}},
		{"filters", []string{"--source", "jeuxvideo.com", "--limit", "0", "Microsoft"}, []string{"2 documents", "source:  jeuxvideo.com (2)"}},
		{"dates", []string{"--since", "2023-04", "--until", "2023-04", "*"}, []string{"3 documents for *", "003_", "2023-04 (inferred)"}},
		{"actor filter by alias", []string{"--actor", "l’éditeur de Windows", "--actor", "Yaccarino", "*"}, []string{"1 document for *", "004_"}},
		{"timeline", []string{"timeline", "Spiro"}, []string{"2023-04-19  001_0b7fc5ff", "2023-06-07  001_0b7fc5ff"}},
		{"timeline json", []string{"timeline", "--json", "date:2023-04"}, []string{`"date":"2018"`, `"relative":false`}},
		{"analyze", []string{"analyze", "Microsoft refuse de payer l’API"}, []string{"microsoft", "api                     30    33    5  API  (not stemmed)"}},
		{"analyze json", []string{"analyze", "--json", "l’été 2023"}, []string{`"term":"ete","start":4,"end":9,"position":1,"text":"été"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := command(t, nil, c.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

// TestIndexFlag searches an index on disk, named by --index or
// $DOSSIER_INDEX.
func TestIndexFlag(t *testing.T) {
	docs, err := seeds.Documents()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := search.Build(context.Background(), dir, docs[2:3], search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for _, r := range []result{
		command(t, nil, "--index", dir, "*"),
		command(t, []string{"DOSSIER_INDEX=" + dir}, "*"),
	} {
		if r.code != 0 || !strings.Contains(r.stdout, "1 document for *") {
			t.Errorf("exit %d, stdout:\n%s\nstderr: %s", r.code, r.stdout, r.stderr)
		}
	}
}

// TestCache runs twice with a cache directory: the second run opens the
// index the first one left there, and answers the same.
func TestCache(t *testing.T) {
	cache := t.TempDir()
	env := []string{"DOSSIER_CACHE_DIR=" + cache}
	first := command(t, env, "--json", "API payante")
	entries, _ := filepath.Glob(filepath.Join(cache, "seeds-*"))
	if len(entries) != 1 {
		t.Fatalf("cache holds %v, want one seeds-* index", entries)
	}
	second := command(t, env, "--json", "API payante")
	strip := regexp.MustCompile(`"took_ms":[0-9.e-]+`)
	if first.code != 0 || strip.ReplaceAllString(first.stdout, "") != strip.ReplaceAllString(second.stdout, "") {
		t.Errorf("cached run differs:\n%s\n%s", first.stdout, second.stdout)
	}
}
