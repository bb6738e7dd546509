package sshserve

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

// Size caps of the files the server reads: an authorized_keys file of a
// few thousand keys, and one private key. Anything bigger is a mistake
// (or /dev/zero), refused before it is read.
const (
	MaxAuthorizedKeysSize = 1 << 20
	MaxHostKeySize        = 64 << 10
)

// HostKeyFile is the name of the host key file in a segdash config folder.
const HostKeyFile = "ssh_host_ed25519"

// HostKeyPath is the host key file to use: p; or, when p is "", the
// HostKeyFile of the first of dirs (the segdash config folders, in the
// order the config file is looked for) that holds one, else of dirs[0].
// A host key found where an older segdash generated it (on macOS,
// ~/Library/Application Support) stays in use, so that no client's
// known_hosts entry breaks. It makes sure the file's folder exists.
func HostKeyPath(p string, dirs []string) (string, error) {
	if p == "" {
		if len(dirs) == 0 {
			return "", errors.New("no user config dir: give --host-key")
		}
		p = filepath.Join(dirs[0], HostKeyFile)
		for _, d := range dirs {
			if _, err := os.Lstat(filepath.Join(d, HostKeyFile)); err == nil {
				p = filepath.Join(d, HostKeyFile)
				break
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return "", err
	}
	return p, nil
}

// LoadHostKey reads the host key at path, generating it first (ed25519,
// mode 0600, with path.pub beside it) when there is none. It reads the
// file itself, as it does every file, so that a FIFO or /dev/zero is
// refused rather than read. Errors do not name the file.
func LoadHostKey(path string) (gossh.Signer, error) {
	b, err := client.ReadRegularFile(path, MaxHostKeySize)
	if errors.Is(err, fs.ErrNotExist) {
		if _, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519), keygen.WithWrite()); err != nil {
			return nil, fmt.Errorf("generating it: %w", err)
		}
		b, err = client.ReadRegularFile(path, MaxHostKeySize)
	}
	if err != nil {
		return nil, err
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("not a usable private key: %w", err)
	}
	return signer, nil
}

// CountAuthorizedKeys parses an authorized_keys file and counts its keys.
func CountAuthorizedKeys(path string) (int, error) {
	keys, err := readAuthorizedKeys(path)
	return len(keys), err
}

// readAuthorizedKeys parses the authorized_keys file at path, a regular
// file of at most MaxAuthorizedKeysSize bytes. Errors do not name the file.
func readAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	b, err := client.ReadRegularFile(path, MaxAuthorizedKeysSize)
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
