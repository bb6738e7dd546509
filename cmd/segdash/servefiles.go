package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client"
)

// Size caps of the files serve reads: an authorized_keys file of a few
// thousand keys, and one private key. Anything bigger is a mistake (or
// /dev/zero), refused before it is read.
const (
	maxAuthorizedKeysSize = 1 << 20
	maxHostKeySize        = 64 << 10
)

// hostKeyPath picks the host key file and makes sure its folder exists.
func hostKeyPath(p string) (string, error) {
	if p == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no --host-key and no user config dir: %w", err)
		}
		p = filepath.Join(dir, "segdash", "ssh_host_ed25519")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return "", fmt.Errorf("--host-key: %w", err)
	}
	return p, nil
}

// loadHostKey reads the host key at path, generating it first (ed25519,
// mode 0600, with path.pub beside it) when there is none. It reads the
// file itself, as it does every file, so that a FIFO or /dev/zero is
// refused rather than read.
func loadHostKey(path string) (gossh.Signer, error) {
	b, err := client.ReadRegularFile(path, maxHostKeySize)
	if errors.Is(err, fs.ErrNotExist) {
		if _, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519), keygen.WithWrite()); err != nil {
			return nil, fmt.Errorf("--host-key %s: generating it: %w", path, err)
		}
		b, err = client.ReadRegularFile(path, maxHostKeySize)
	}
	if err != nil {
		return nil, fmt.Errorf("--host-key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("--host-key %s: not a usable private key: %w", path, err)
	}
	return signer, nil
}

// countAuthorizedKeys parses an authorized_keys file and counts its keys.
func countAuthorizedKeys(path string) (int, error) {
	keys, err := readAuthorizedKeys(path)
	return len(keys), err
}

// readAuthorizedKeys parses the authorized_keys file at path, a regular
// file of at most maxAuthorizedKeysSize bytes. Errors do not name the file.
func readAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	b, err := client.ReadRegularFile(path, maxAuthorizedKeysSize)
	if err != nil {
		return nil, err
	}
	var keys []gossh.PublicKey
	for len(bytes.TrimSpace(b)) > 0 {
		k, _, _, rest, err := gossh.ParseAuthorizedKey(b)
		if err != nil {
			break // the rest holds no further valid key
		}
		keys = append(keys, k)
		b = rest
	}
	return keys, nil
}
