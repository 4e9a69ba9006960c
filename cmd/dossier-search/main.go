// Command dossier-search searches a dossier of French press articles.
//
// Usage:
//
//	dossier-search [flags] [search] QUERY...
//	dossier-search timeline [flags] [QUERY...]
//	dossier-search show [--json] ID
//	dossier-search index PATH... --out DIR
//	dossier-search check --index DIR
//	dossier-search analyze [--json] TEXT...
//
// With no --index, it searches the default dossier embedded in the program:
// five articles on the quarrel between Twitter and Microsoft (April–May
// 2023). See dossier-search --help for the flags and the query language.
package main

import (
	"context"
	"io"
	"log"
	"os"
	"os/signal"
)

func main() {
	// Bleve logs what it goes on past (« unable to load snapshot, …,
	// continuing ») with the standard logger; the errors that matter reach
	// the command as errors, and it reports them in one line.
	log.SetOutput(io.Discard)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0 // results printed, zero hits included
	exitInternal = 1 // the program failed
	exitUsage    = 2 // bad flags, arguments or query
)

// env is what a run sees of its environment, so that tests can set it.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	terminal       bool  // stdout is a terminal: bold marks
	stderrTerminal bool  // stderr is a terminal: progress bars
	progressShown  *bool // a progress line is on stderr
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runEnv(ctx, args, env{
		stdout:         stdout,
		stderr:         stderr,
		getenv:         os.Getenv,
		terminal:       isTerminal(stdout) && os.Getenv("NO_COLOR") == "",
		stderrTerminal: isTerminal(stderr),
		progressShown:  new(bool),
	})
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
