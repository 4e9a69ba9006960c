package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/dossier-search/dossier-search/search"
)

// The command reads the segment files of an index whole, against their
// checksums (search.VerifyFile), before it first searches them: a file
// damaged in its middle, which opening does not see, can make Bleve panic
// in a goroutine of its own or loop for ever, where no error handling
// reaches (HARDENING.md). The files found intact are remembered in the
// cache directory by identity — device, inode, size, modification time —
// so that each is read once, not at each search: an index run records the
// files it wrote (it verified them), and a copy of an index from elsewhere,
// or an index damaged on the disk, has new identities and is read whole at
// its first search. Without a cache directory every search reads them.

const (
	verifiedFile = "verified" // in the cache directory, a line a file
	maxVerified  = 4096       // lines kept, the newest
)

// fileKey is the identity of a file: device, inode, size, modification
// time. A file rewritten or copied gets another.
func fileKey(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	st, ok := fi.Sys().(*syscall.Stat_t) // Linux, macOS, BSD: the fields below exist on all
	if !ok {
		return "", fmt.Errorf("%s: no inode", path)
	}
	return fmt.Sprintf("%d:%d:%d:%d", st.Dev, st.Ino, fi.Size(), fi.ModTime().UnixNano()), nil
}

// verifyOnce verifies the segment files of ix that the cache does not know
// as intact, and records them.
func verifyOnce(ctx context.Context, e env, ix *search.Index) error {
	files, err := ix.Files()
	if err != nil {
		return err
	}
	cache := cacheDir(e)
	known := readVerified(cache)
	var fresh []string
	for _, f := range files {
		key, err := fileKey(f)
		if err == nil && known[key] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := search.VerifyFile(f); err != nil {
			return err
		}
		if key != "" {
			fresh = append(fresh, key)
		}
	}
	recordVerified(cache, fresh)
	return nil
}

// recordIndex records the segment files of the index in dir as intact:
// the index run that wrote them verified them.
func recordIndex(e env, dir string) {
	ix, err := search.OpenReadOnly(dir)
	if err != nil {
		return
	}
	defer ix.Close()
	files, _ := ix.Files()
	var keys []string
	for _, f := range files {
		if key, err := fileKey(f); err == nil {
			keys = append(keys, key)
		}
	}
	recordVerified(cacheDir(e), keys)
}

func readVerified(cache string) map[string]bool {
	known := map[string]bool{}
	if cache == "" {
		return known
	}
	data, _ := os.ReadFile(filepath.Join(cache, verifiedFile))
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		known[sc.Text()] = true
	}
	return known
}

// recordVerified adds keys to the list of the cache, keeping the newest
// maxVerified; it replaces the file by a rename, so that concurrent
// searches read a whole list. A failure to write only costs a later
// search the verification again.
func recordVerified(cache string, keys []string) {
	if cache == "" || len(keys) == 0 {
		return
	}
	name := filepath.Join(cache, verifiedFile)
	data, _ := os.ReadFile(name)
	lines := slices.DeleteFunc(bytes.Split(data, []byte("\n")), func(l []byte) bool { return len(l) == 0 })
	for _, k := range keys {
		lines = append(lines, []byte(k))
	}
	lines = lines[max(0, len(lines)-maxVerified):]
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(cache, verifiedFile+".*")
	if err != nil {
		return
	}
	_, err = tmp.Write(append(bytes.Join(lines, []byte("\n")), '\n'))
	if cerr := tmp.Close(); err == nil && cerr == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
