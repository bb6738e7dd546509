// Package config resolves segdash's configuration: defaults, then the
// config file, then the environment, then flags, validated in one place.
// It also reads key files and saves watchlists into the config file. It
// knows nothing of cobra: the command line hands it the flags that were set.
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/themes"
)

// Defaults of the settings.
const (
	DefaultLength      = 30
	DefaultRefresh     = 5 * time.Minute
	DefaultCacheTTL    = 5 * time.Minute
	DefaultConcurrency = 4
)

// DemoWatchlistFile is the file, beside the config file, that holds the
// watchlists saved in the demo: demo segment ids must never reach the real
// config, where `check --watch` against Braze would then fail.
const DemoWatchlistFile = "demo-watchlists.yaml"

// Input is what the command line gives Resolve.
type Input struct {
	// Getenv reads the environment (a session's own under serve).
	Getenv func(string) string
	// ConfigFlag is --config, "" when not given.
	ConfigFlag string
	// Workspace is --workspace: a name from the file's `workspaces:`, ""
	// when not given.
	Workspace string
	// Flags holds the flags that were set, by name (endpoint,
	// api-key-file, theme, length, refresh, cache-ttl, concurrency), as
	// the user wrote them.
	Flags map[string]string
}

// Config is the resolved configuration. Nothing in ui/ or client/ reads
// configuration on its own.
type Config struct {
	// File is the config file's path; FileFound whether it exists.
	File      string
	FileFound bool
	// WatchlistFile is where watchlists are read from and saved: the
	// config file, or DemoWatchlistFile beside it in the demo.
	WatchlistFile string
	// Endpoint is the resolved REST base URL (empty in demo mode).
	Endpoint string
	// APIKey is the secret; it is never printed.
	APIKey     string
	APIKeyFile string
	// Demo is true when no key was given: the built-in stand-in is used.
	Demo        bool
	Theme       string
	Length      int
	Refresh     time.Duration
	CacheTTL    time.Duration
	Concurrency int
	Watchlists  []client.Watchlist
	// Rules are the alert rules of the config file (`rules:`).
	Rules []monitor.Rule
	// Silences are the silences that hold in this workspace: the file's
	// top-level `silences:` (which hold in every workspace), then the
	// workspace entry's own. An expired one is kept: Covers checks the day.
	Silences []monitor.Silence
	// HidePaths keeps the config file's path out of the messages built
	// from this configuration (FileLabel, Watchlist): a session of
	// `segdash serve` tells an SSH user nothing of the server's files.
	HidePaths bool
	// Sources says where each setting came from: "default", "file:LINE",
	// "env NAME" or "flag --NAME".
	Sources map[string]string
	// Warnings are problems worth telling but not fatal (a key file
	// readable by others).
	Warnings []string
	// watchLines are the watchlists' lines in WatchlistFile, for messages.
	watchLines map[string]int
	// Workspace is the name of the workspace this configuration is for;
	// "" is the unnamed one (the top-level settings or the environment).
	Workspace string
	// Workspaces are the file's named workspaces, in file order;
	// DefaultWorkspace is its default_workspace.
	Workspaces       []Workspace
	DefaultWorkspace string
	// AuthorizedKeys is the workspace's own authorized_keys file for
	// `segdash serve` ("" = the server's --authorized-keys).
	AuthorizedKeys string
	// base is the configuration before a workspace was selected, so that
	// Select always starts from it, never from another workspace's key.
	base *Config
	// rawEndpoint is the unnamed workspace's endpoint as given.
	rawEndpoint string
	getenv      func(string) string
}

// Default is the configuration before any file, environment or flag.
func Default() Config {
	c := Config{Theme: "auto", Length: DefaultLength, Refresh: DefaultRefresh, CacheTTL: DefaultCacheTTL,
		Concurrency: DefaultConcurrency, Sources: map[string]string{}}
	for _, k := range []string{"endpoint", "api_key", "theme", "length", "refresh", "cache_ttl", "concurrency"} {
		c.Sources[k] = "default"
	}
	return c
}

// Watchlist returns the watchlist called name, or an error listing them.
func (c Config) Watchlist(name string) (client.Watchlist, error) {
	var names []string
	for _, w := range c.Watchlists {
		if w.Name == name {
			return w, nil
		}
		names = append(names, w.Name)
	}
	if len(names) == 0 {
		return client.Watchlist{}, fmt.Errorf("no watchlist %q: %s defines none (W in the dashboard saves one)", excerpt(name), c.label(c.WatchlistFile))
	}
	return client.Watchlist{}, fmt.Errorf("no watchlist %q; defined in %s: %s", excerpt(name), c.label(c.WatchlistFile), strings.Join(names, ", "))
}

// FileLabel names the config file in a message: its path, or, with
// HidePaths, "the server's config file".
func (c Config) FileLabel() string { return c.label(c.File) }

// WatchlistFileLabel is FileLabel for WatchlistFile.
func (c Config) WatchlistFileLabel() string { return c.label(c.WatchlistFile) }

// label is path for a message: "the config file" when there is none, "the
// server's config file" with HidePaths.
func (c Config) label(path string) string {
	switch {
	case c.HidePaths:
		return "the server's config file"
	case path == "":
		return "the config file"
	}
	return path
}

// WatchlistLine is the line of watchlist name in WatchlistFile (0 if unknown).
func (c Config) WatchlistLine(name string) int { return c.watchLines[name] }

// Source renders a setting's source for humans.
func (c Config) Source(key string) string {
	s := c.Sources[key]
	if line, ok := strings.CutPrefix(s, "file:"); ok {
		return c.File + ":" + line
	}
	return s
}

// DemoPace refreshes the demo as often as its newest sizes move (every
// day, e.g. 10 s), unless the file or a flag set the pace.
func (c *Config) DemoPace(day time.Duration) {
	if !c.Demo {
		return
	}
	if c.Sources["refresh"] == "default" {
		c.Refresh, c.Sources["refresh"] = day, "demo default"
	}
	if c.Sources["cache_ttl"] == "default" {
		c.CacheTTL, c.Sources["cache_ttl"] = day/2, "demo default"
	}
}

// applyFile takes the file's settings, each validated with its line.
func (c *Config) applyFile(cf *configFile, endpoint *string) error {
	for key, v := range cf.values {
		src := fmt.Sprintf("file:%d", v.line)
		switch key {
		case "endpoint":
			*endpoint = v.raw
		case "api_key_file":
			if c.secretValue(v.raw) {
				return fileError(cf.path, v.line, "api_key_file: %s", keyFileIsKey)
			}
			c.APIKeyFile = expandHome(v.raw)
			key = "api_key"
		case "default_workspace":
		default:
			if err := c.set(key, v.raw); err != nil {
				return fileError(cf.path, v.line, "%s: %v", key, err)
			}
		}
		c.Sources[key] = src
	}
	c.Watchlists, c.watchLines = cf.watchlists, cf.watchLines
	c.Rules = cf.rules
	c.Silences = cf.silences
	c.Workspaces = cf.workspaces
	if v, ok := cf.values["default_workspace"]; ok {
		c.DefaultWorkspace = v.raw
	}
	return nil
}

// set parses and validates one setting's text.
func (c *Config) set(key, raw string) error {
	raw = strings.TrimSpace(raw)
	switch key {
	case "theme":
		if c.secretValue(raw) {
			return fmt.Errorf("the value looks like an API key (not shown), not a theme; valid themes: %s", strings.Join(themes.Names(), ", "))
		}
		if raw != "auto" {
			if _, err := themes.ByName(excerpt(raw)); err != nil {
				return err
			}
		}
		c.Theme = raw
	case "length":
		n, err := strconv.Atoi(raw)
		if err != nil {
			return fmt.Errorf("%q is not a whole number of days (1..365)", excerpt(raw))
		}
		if err := client.CheckWindow(n); err != nil {
			return err
		}
		c.Length = n
	case "refresh":
		d, err := time.ParseDuration(raw)
		if err != nil || d < 0 || (d > 0 && d < time.Second) {
			return fmt.Errorf("%q: want 0 (off) or a duration of at least 1s, like 30s, 5m, 1h", excerpt(raw))
		}
		c.Refresh = d
	case "cache_ttl":
		d, err := time.ParseDuration(raw)
		if err != nil || d < time.Second {
			return fmt.Errorf("%q: want a duration of at least 1s, like 30s, 5m", excerpt(raw))
		}
		c.CacheTTL = d
	case "concurrency":
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 16 {
			return fmt.Errorf("%q: want a whole number from 1 to 16", excerpt(raw))
		}
		c.Concurrency = n
	}
	return nil
}
