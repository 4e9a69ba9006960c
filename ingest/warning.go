package ingest

// Warning is a problem with one input: the article or file was skipped, or
// repaired. Warnings are for the user to read, one a line.
type Warning struct {
	Path string // the file, with ":LINE" for a line of a JSONL file ("a.jsonl:12")
	Msg  string // lower case, what is wrong and what was done: "invalid UTF-8, repaired with U+FFFD"
}

// String returns "PATH: MSG".
func (w Warning) String() string { return w.Path + ": " + w.Msg }
