package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Template is the config file `segdash config init` writes: every setting,
// commented out. Lines starting with "## " explain; lines starting with
// "# " are settings that work once uncommented.
const Template = `## segdash configuration. Uncomment a line (remove "# ") to use it.
## Precedence: defaults, then this file, then the environment, then flags.
## segdash config shows every setting in effect and where it came from.

## The Braze REST endpoint: an instance name (US-01..US-08, US-10, EU-01,
## EU-02, AU-01) or an https URL. The environment's BRAZE_REST_ENDPOINT wins.
# endpoint: US-03

## A file holding the REST API key (never the key itself in this file).
## BRAZE_API_KEY wins. Without any key, segdash shows built-in demo data.
# api_key_file: ~/.config/segdash/api-key

## Colour theme: auto (from the terminal background), dark, light, ocean,
## high-contrast, mono.
# theme: auto

## The dashboard's window in days (1..100), its live refresh interval
## (0 turns it off), how long a fetched series is reused, and the most
## API requests in flight at once (1..16).
# length: 30
# refresh: 5m
# cache_ttl: 5m
# concurrency: 4

## Watchlists: named lists of segments (names or ids), opened with
## segdash --watch NAME and checked with segdash check --watch NAME.
# watchlists:
#   morning:
#     - Lapsed Users - 7 days
#     - VIP

## Rules for segdash check and segdash scan: a target (segments, tag,
## watchlist or all), conditions (below, above, day_drop, day_rise,
## window_drop, window_rise, anomaly, tracking_off, stale_days) and a
## severity (warning, the default, or critical).
# rules:
#   - name: morning floor
#     watchlist: morning
#     below: 1000
#     day_drop: 20%
#     severity: critical

## Silences quiet the alerts of a known event until a day (the last day
## silenced): one segment (id or exact name), tag or workspace each, with
## a reason. Silenced alerts are still shown, marked. Top-level silences
## hold in every workspace; segdash silence add writes one here.
# silences:
#   - tag: warehouse
#     until: 2026-12-31
#     reason: warehouse import moved to Tuesdays

## Several workspaces, each with its own endpoint and key; pick one with
## segdash -w NAME. Keys come from a file (api_key_file) or a variable
## (api_key_env).
# workspaces:
#   us:
#     endpoint: US-03
#     api_key_env: BRAZE_US_KEY
#   eu:
#     endpoint: EU-01
#     api_key_file: ~/.config/segdash/eu-key
# default_workspace: us
`

// ErrConfigExists is returned by Init when the file is already there.
var ErrConfigExists = errors.New("a config file already exists")

// Init writes Template at path, creating its folder (private to the user).
// It never overwrites: an existing file, or a link in the file's place,
// even a dangling one, is refused with ErrConfigExists. The template goes
// to a temporary file first and is linked into place, so the file appears
// whole or not at all; where hard links are not supported, it is created
// exclusively (O_EXCL, which refuses links too) and written.
func Init(path string) error {
	exists := func() error { return fmt.Errorf("%s: %w; edit it, or remove it first", path, ErrConfigExists) }
	if _, err := os.Lstat(path); err == nil {
		return exists()
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".config-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(Template); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// os.Link fails when path exists in any form: no check-then-write race.
	err = os.Link(tmp.Name(), path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return exists()
	}
	return createExclusive(path, exists)
}

// createExclusive writes Template into a new file at path, or fails with
// exists() when something is there.
func createExclusive(path string, exists func() error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return exists()
	}
	if err != nil {
		return err
	}
	_, err = f.WriteString(Template)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // a half-written template would load as a broken config
	}
	return err
}
