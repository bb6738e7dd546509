package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/themes"
)

// globalFlags are the flags every subcommand shares.
type globalFlags struct {
	config      string
	endpoint    string
	apiKeyFile  string
	cacheTTL    time.Duration
	concurrency int
}

// Defaults of the settings.
const (
	defaultLength      = 30
	defaultRefresh     = 5 * time.Minute
	defaultCacheTTL    = 5 * time.Minute
	defaultConcurrency = 4
)

func (g *globalFlags) register(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&g.config, "config", "", "config file (env SEGDASH_CONFIG; default: segdash/config.yaml in the user config dir)")
	f.StringVar(&g.endpoint, "endpoint", "", "Braze REST endpoint: an instance name (US-03, EU-01, ...) or an https URL (env BRAZE_REST_ENDPOINT)")
	f.StringVar(&g.apiKeyFile, "api-key-file", "", "read the REST API key from this file instead of BRAZE_API_KEY")
	f.DurationVar(&g.cacheTTL, "cache-ttl", defaultCacheTTL, "how long a fetched series is reused before asking the API again")
	f.IntVar(&g.concurrency, "concurrency", defaultConcurrency, "most API requests in flight at once (1..16)")
}

// Config is the resolved configuration: defaults, then the config file,
// then the environment, then flags, validated in this one place. Nothing in
// ui/ or client/ reads configuration on its own.
type Config struct {
	// File is the config file's path; FileFound whether it exists.
	File      string
	FileFound bool
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
	Watchlists  []Watchlist
	// Sources says where each setting came from: "default", "file:LINE",
	// "env NAME" or "flag --NAME".
	Sources map[string]string
	// Warnings are problems worth telling but not fatal (a key file
	// readable by others).
	Warnings []string
}

// Watchlist returns the watchlist called name, or an error listing them.
func (c Config) Watchlist(name string) (Watchlist, error) {
	var names []string
	for _, w := range c.Watchlists {
		if w.Name == name {
			return w, nil
		}
		names = append(names, w.Name)
	}
	if len(names) == 0 {
		return Watchlist{}, fmt.Errorf("no watchlist %q: %s defines none (W in the dashboard saves one)", name, c.File)
	}
	return Watchlist{}, fmt.Errorf("no watchlist %q; defined in %s: %s", name, c.File, strings.Join(names, ", "))
}

// configPath picks the config file: --config, SEGDASH_CONFIG, or the
// platform's config dir. explicit is true when the user named it.
func configPath(cmd *cobra.Command, getenv func(string) string) (path, source string, explicit bool) {
	if f := cmd.Flag("config"); f != nil && f.Changed {
		return f.Value.String(), "flag --config", true
	}
	if p := getenv("SEGDASH_CONFIG"); p != "" {
		return p, "env SEGDASH_CONFIG", true
	}
	// XDG_CONFIG_HOME is read through getenv so that tests and SSH sessions
	// see the environment they were given.
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		var err error
		if dir, err = os.UserConfigDir(); err != nil {
			return "", "", false
		}
	}
	return filepath.Join(dir, "segdash", "config.yaml"), "default", false
}

// resolveConfig builds the Config for cmd from its flags and getenv.
func resolveConfig(cmd *cobra.Command, getenv func(string) string) (Config, error) {
	cfg := Config{Theme: "auto", Length: defaultLength, Refresh: defaultRefresh, CacheTTL: defaultCacheTTL,
		Concurrency: defaultConcurrency, Sources: map[string]string{}}
	for _, k := range []string{"endpoint", "api_key", "theme", "length", "refresh", "cache_ttl", "concurrency"} {
		cfg.Sources[k] = "default"
	}
	path, _, explicit := configPath(cmd, getenv)
	cfg.File = path
	var endpoint string
	if path != "" {
		cf, err := readConfigFile(path)
		if err != nil {
			return cfg, err
		}
		if cf == nil && explicit {
			return cfg, fmt.Errorf("config file %s does not exist", path)
		}
		if cf != nil {
			cfg.FileFound = true
			if err := cfg.applyFile(cf, &endpoint); err != nil {
				return cfg, err
			}
		}
	}
	// Environment.
	if v := getenv("BRAZE_REST_ENDPOINT"); v != "" {
		endpoint, cfg.Sources["endpoint"] = v, "env BRAZE_REST_ENDPOINT"
	}
	if v := strings.TrimSpace(getenv("BRAZE_API_KEY")); v != "" {
		cfg.APIKey, cfg.Sources["api_key"] = v, "env BRAZE_API_KEY"
	}
	// Flags.
	flag := func(name string) bool {
		f := cmd.Flag(name)
		return f != nil && f.Changed
	}
	if flag("endpoint") {
		endpoint, cfg.Sources["endpoint"] = cmd.Flag("endpoint").Value.String(), "flag --endpoint"
	}
	if flag("api-key-file") {
		cfg.APIKeyFile, cfg.APIKey = cmd.Flag("api-key-file").Value.String(), ""
		cfg.Sources["api_key"] = "flag --api-key-file"
	}
	for _, s := range []struct{ flag, key string }{{"theme", "theme"}, {"length", "length"}, {"refresh", "refresh"},
		{"cache-ttl", "cache_ttl"}, {"concurrency", "concurrency"}} {
		if flag(s.flag) {
			if err := cfg.set(s.key, cmd.Flag(s.flag).Value.String()); err != nil {
				return cfg, usageError("--%s: %v", s.flag, err)
			}
			cfg.Sources[s.key] = "flag --" + s.flag
		}
	}
	// The key: a key file named by the file or a flag, unless the
	// environment (over the file) gave the key itself.
	if cfg.APIKey == "" && cfg.APIKeyFile != "" {
		key, warn, err := readKeyFile(cfg.APIKeyFile, cfg.source("api_key"))
		if err != nil {
			return cfg, err
		}
		cfg.APIKey = key
		if warn != "" {
			cfg.Warnings = append(cfg.Warnings, warn)
		}
	}
	if cfg.APIKey == "" {
		if endpoint != "" {
			return cfg, errors.New("an endpoint is set (" + cfg.source("endpoint") + ") but no API key: set BRAZE_API_KEY or --api-key-file (or unset the endpoint to use the demo)")
		}
		cfg.Demo = true
		return cfg, nil
	}
	if strings.ContainsAny(cfg.APIKey, " \t\r\n") {
		return cfg, errors.New("the API key contains white space; check " + cfg.Sources["api_key"])
	}
	if endpoint == "" {
		return cfg, fmt.Errorf("an API key is set but no endpoint: set BRAZE_REST_ENDPOINT, --endpoint or endpoint in %s to your instance (%s) or its https URL", cfg.File, client.Instances())
	}
	u, err := client.ResolveEndpoint(endpoint)
	if err != nil {
		return cfg, fmt.Errorf("endpoint (%s): %w", cfg.source("endpoint"), err)
	}
	cfg.Endpoint = u.String()
	return cfg, nil
}

// applyFile takes the file's settings, each validated with its line.
func (c *Config) applyFile(cf *configFile, endpoint *string) error {
	for key, v := range cf.values {
		src := fmt.Sprintf("file:%d", v.line)
		switch key {
		case "endpoint":
			*endpoint = v.raw
		case "api_key_file":
			c.APIKeyFile = expandHome(v.raw)
			key = "api_key"
		default:
			if err := c.set(key, v.raw); err != nil {
				return fileError(cf.path, v.line, "%s: %v", key, err)
			}
		}
		c.Sources[key] = src
	}
	c.Watchlists = cf.watchlists
	return nil
}

// set parses and validates one setting's text.
func (c *Config) set(key, raw string) error {
	raw = strings.TrimSpace(raw)
	switch key {
	case "theme":
		if raw != "auto" {
			if _, err := themes.ByName(raw); err != nil {
				return err
			}
		}
		c.Theme = raw
	case "length":
		n, err := strconv.Atoi(raw)
		if err != nil {
			return fmt.Errorf("%q is not a whole number of days (1..100)", raw)
		}
		if err := client.CheckLength(n); err != nil {
			return err
		}
		c.Length = n
	case "refresh":
		d, err := time.ParseDuration(raw)
		if err != nil || d < 0 || (d > 0 && d < time.Second) {
			return fmt.Errorf("%q: want 0 (off) or a duration of at least 1s, like 30s, 5m, 1h", raw)
		}
		c.Refresh = d
	case "cache_ttl":
		d, err := time.ParseDuration(raw)
		if err != nil || d < time.Second {
			return fmt.Errorf("%q: want a duration of at least 1s, like 30s, 5m", raw)
		}
		c.CacheTTL = d
	case "concurrency":
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 16 {
			return fmt.Errorf("%q: want a whole number from 1 to 16", raw)
		}
		c.Concurrency = n
	}
	return nil
}

// readKeyFile reads an API key file (named by source) and warns when
// others can read it.
func readKeyFile(path, source string) (key, warning string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", "", fmt.Errorf("API key file %s (%s): %v", path, source, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", "", fmt.Errorf("API key file %s (%s): %v", path, source, err)
	}
	key = strings.TrimSpace(string(b))
	if key == "" {
		return "", "", fmt.Errorf("API key file %s (%s) is empty", path, source)
	}
	if st.Mode().Perm()&0o077 != 0 {
		warning = fmt.Sprintf("the API key file %s can be read by group or others (mode %04o); fix: chmod 600 %s", path, st.Mode().Perm(), path)
	}
	return key, warning, nil
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// backend is a ready client and cache, with the demo server behind them
// when there is no key.
type backend struct {
	cache *client.Cache
	demo  *brazetest.Server
}

// Close releases the backend's connections and its demo server.
func (b *backend) Close() {
	b.cache.Client().CloseIdleConnections()
	if b.demo != nil {
		b.demo.Close()
	}
}

// demoOptions is the built-in demo workspace; now is the API's clock.
func demoOptions(now func() time.Time) brazetest.Options {
	return brazetest.Options{Workspace: brazetest.NewWorkspace(42, 300), Now: now}
}

// connect builds the client and cache for cfg. In demo mode it starts the
// stand-in on loopback with clock demoNow. offline makes the cache refuse
// every request.
func connect(ctx context.Context, cfg Config, demoNow func() time.Time, offline bool) (*backend, error) {
	b := &backend{}
	endpoint, key := cfg.Endpoint, cfg.APIKey
	if cfg.Demo && !offline {
		srv, err := brazetest.Start("127.0.0.1:0", demoOptions(demoNow))
		if err != nil {
			return nil, fmt.Errorf("starting the built-in demo API: %w", err)
		}
		b.demo = srv
		endpoint, key = srv.URL, srv.Key
	}
	if endpoint == "" { // offline demo: a client that is never used
		endpoint, key = "http://127.0.0.1:1", "offline"
	}
	c, err := client.New(endpoint, key, client.WithUserAgent("segdash/"+version()))
	if err != nil {
		b.Close()
		return nil, err
	}
	b.cache = client.NewCache(c, client.CacheOptions{TTL: cfg.CacheTTL, MaxInFlight: cfg.Concurrency, Offline: offline})
	return b, nil
}

// printWarnings tells the config's warnings on w.
func printWarnings(w interface{ Write([]byte) (int, error) }, cfg Config) {
	for _, warn := range cfg.Warnings {
		fmt.Fprintln(w, "segdash: warning: "+warn)
	}
}

// demoPace speeds the demo up to its time-lapse data: a refresh every
// simulated day, unless the file or a flag set the pace.
func (c *Config) demoPace() {
	if !c.Demo {
		return
	}
	if c.Sources["refresh"] == "default" {
		c.Refresh, c.Sources["refresh"] = demoDay, "demo default"
	}
	if c.Sources["cache_ttl"] == "default" {
		c.CacheTTL, c.Sources["cache_ttl"] = demoDay/2, "demo default"
	}
}
