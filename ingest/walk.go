package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Source is an article file found under a root.
type Source struct {
	Path    string    // as on disk
	Rel     string    // path relative to its root, with / separators; for a root that is a file, its base name
	Size    int64     // in bytes, as on disk (compressed for .gz)
	ModTime time.Time // last modification
}

// formats maps a lower-case extension to the format Read uses for it.
var formats = map[string]string{
	".txt":      "txt",
	".text":     "txt",
	".md":       "md",
	".markdown": "md",
	".html":     "html",
	".htm":      "html",
	".jsonl":    "jsonl",
	".ndjson":   "jsonl",
	".json":     "json",
}

// Format returns the format Read would use for a file name ("txt", "md",
// "html", "jsonl", "json"), "" when it knows none. Extensions are matched
// in any case, and a .gz suffix is looked through ("a.jsonl.gz" → "jsonl").
func Format(name string) string {
	base := strings.ToLower(path.Base(filepath.ToSlash(name)))
	base = strings.TrimSuffix(base, ".gz")
	return formats[path.Ext(base)]
}

// isGzip reports whether name ends with .gz, in any case.
func isGzip(name string) bool {
	return len(name) >= 3 && strings.EqualFold(name[len(name)-3:], ".gz")
}

// Walk lists the article files under the roots — files or directories,
// walked recursively, symlinks to files followed but not to directories,
// hidden files and directories (.name) skipped — in a stable order: sorted
// by Rel within each root, roots in the order given. Files whose format Read
// does not know are not listed; skipped counts them. A root that does not
// exist or cannot be read, a directory that cannot be listed, a broken
// symlink, and a root file of unknown format are warnings.
//
// A root is taken as given: a root that is a symlink is followed, and a
// root whose name starts with a dot is walked.
func Walk(roots []string) (sources []Source, skipped int, warnings []Warning) {
	for _, root := range roots {
		srcs, n, ws := walkRoot(root)
		sources = append(sources, srcs...)
		skipped += n
		warnings = append(warnings, ws...)
	}
	return sources, skipped, warnings
}

func walkRoot(root string) (sources []Source, skipped int, warnings []Warning) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, 0, []Warning{{root, "cannot read: " + cause(err)}}
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil, 0, []Warning{{root, "not a regular file, skipped"}}
		}
		if Format(root) == "" {
			// Named on purpose, so say why it is not read; files found
			// by walking are only counted.
			return nil, 1, []Warning{{root, "unknown format, skipped"}}
		}
		return []Source{{Path: root, Rel: filepath.Base(root), Size: info.Size(), ModTime: info.ModTime()}}, 0, nil
	}

	// WalkDir does not follow a root that is a symlink; a trailing
	// separator makes it.
	walked := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		walked = root + string(filepath.Separator)
	}
	_ = filepath.WalkDir(walked, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			warnings = append(warnings, Warning{p, "cannot read: " + cause(err)})
			return nil // WalkDir goes on with what it could read
		}
		if p == walked {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		var info fs.FileInfo
		if d.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
			if err != nil {
				warnings = append(warnings, Warning{p, "broken symlink, skipped"})
				return nil
			}
			if info.IsDir() {
				return nil // not followed: it could loop, or leave the dossier
			}
		} else if info, err = d.Info(); err != nil {
			warnings = append(warnings, Warning{p, "cannot read: " + cause(err)})
			return nil
		}
		if !info.Mode().IsRegular() {
			return nil // a FIFO or a device would block or never end
		}
		if Format(d.Name()) == "" {
			skipped++
			return nil
		}
		rel, err := filepath.Rel(walked, p)
		if err != nil {
			rel = d.Name() // cannot happen: p is under walked
		}
		sources = append(sources, Source{Path: p, Rel: filepath.ToSlash(rel), Size: info.Size(), ModTime: info.ModTime()})
		return nil
	})
	// WalkDir sorts each directory by name, which is not the order of Rel:
	// "a-b" sorts before "a/b" but is listed after it.
	sort.Slice(sources, func(i, j int) bool { return sources[i].Rel < sources[j].Rel })
	return sources, skipped, warnings
}

// cause returns the reason of a file system error without the operation
// and path, which the Warning gives already: "permission denied".
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}
