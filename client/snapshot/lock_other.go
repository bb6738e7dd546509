//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package snapshot

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// lockWait bounds the wait for another process's lock; lockStale is the
// age past which a lock file is taken to be left by a process that died
// (a save takes well under a second).
const (
	lockWait  = 30 * time.Second
	lockStale = time.Minute
)

// lockFile takes an exclusive lock on path where flock is missing: the
// lock is the file itself, created exclusively and removed by unlock. A
// lock file older than lockStale is taken over.
func lockFile(path string) (unlock func(), err error) {
	deadline := time.Now().Add(lockWait)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > lockStale {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s: still locked by another segdash after %v", path, lockWait)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
