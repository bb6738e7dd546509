package config

import (
	"os"
	"path/filepath"
	"runtime"
)

// Path picks the config file: --config, SEGDASH_CONFIG, else the first
// of Candidates that exists, else the first candidate (where `segdash
// config init` writes). explicit is true when the user named the file.
func Path(configFlag string, getenv func(string) string, userConfigDir func() (string, error)) (path string, explicit bool) {
	if configFlag != "" {
		return configFlag, true
	}
	if p := getenv("SEGDASH_CONFIG"); p != "" {
		return p, true
	}
	cands := Candidates(getenv, userConfigDir)
	for _, c := range cands {
		if _, err := os.Lstat(c); err == nil {
			return c, false
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	return cands[0], false
}

// Candidates are the places segdash looks for its config file, in order:
// $XDG_CONFIG_HOME (else ~/.config) on every OS, as the users of terminal
// tools expect, then the OS's own config dir where it differs (macOS:
// ~/Library/Application Support, Windows: %AppData%). The environment is
// read through getenv, so that tests and SSH sessions see the one they were
// given; userConfigDir is asked only when getenv tells no home at all.
func Candidates(getenv func(string) string, userConfigDir func() (string, error)) []string {
	return candidates(runtime.GOOS, getenv, userConfigDir)
}

// candidates is Candidates on the OS goos.
func candidates(goos string, getenv func(string) string, userConfigDir func() (string, error)) []string {
	var dirs []string
	home := homeDir(goos, getenv)
	if x := getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		dirs = append(dirs, x)
	} else if home != "" {
		dirs = append(dirs, filepath.Join(home, ".config"))
	}
	switch {
	case goos == "darwin" && home != "":
		dirs = append(dirs, filepath.Join(home, "Library", "Application Support"))
	case goos == "windows" && getenv("AppData") != "":
		dirs = append(dirs, getenv("AppData"))
	}
	if len(dirs) == 0 {
		if d, err := userConfigDir(); err == nil && d != "" {
			dirs = append(dirs, d)
		}
	}
	files := make([]string, len(dirs))
	for i, d := range dirs {
		files[i] = filepath.Join(d, "segdash", "config.yaml")
	}
	return files
}

// homeDir is the user's home directory as getenv tells it, "" if unknown.
func homeDir(goos string, getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	if goos == "windows" {
		return getenv("USERPROFILE")
	}
	return ""
}
