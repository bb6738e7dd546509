package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/segdash/segdash/client"
)

// flagKeys maps flags to the settings they override.
var flagKeys = [...]struct{ flag, key string }{{"theme", "theme"}, {"length", "length"}, {"refresh", "refresh"},
	{"cache-ttl", "cache_ttl"}, {"concurrency", "concurrency"}}

// Resolve builds the Config: defaults, file, environment, flags, validated,
// for the workspace in.Workspace; without one, for the environment's
// (unnamed) workspace when BRAZE_API_KEY, BRAZE_REST_ENDPOINT, --endpoint
// or --api-key-file is set, else for default_workspace, else the unnamed
// one of the top-level settings (or the demo). userConfigDir is
// os.UserConfigDir outside tests.
func Resolve(in Input, userConfigDir func() (string, error)) (Config, error) {
	cfg, err := resolve(in, userConfigDir)
	return cfg, scrub(err, in.Getenv("BRAZE_API_KEY"), cfg.APIKey)
}

// resolve is Resolve before its errors are scrubbed of keys.
func resolve(in Input, userConfigDir func() (string, error)) (Config, error) {
	cfg, err := ResolveBase(in, userConfigDir)
	if err != nil {
		return cfg, err
	}
	name := in.Workspace
	_, flagEndpoint := in.Flags["endpoint"]
	_, flagKey := in.Flags["api-key-file"]
	switch {
	case name != "" && (flagEndpoint || flagKey):
		return cfg, fmt.Errorf("--endpoint and --api-key-file do not go with --workspace: workspace %q takes its endpoint and key from its entry in %s", excerpt(name), cfg.File)
	case name == "" && !flagEndpoint && !flagKey && in.Getenv("BRAZE_API_KEY") == "" && in.Getenv("BRAZE_REST_ENDPOINT") == "":
		// The environment and flags come before the file: only without
		// them does default_workspace apply.
		name = cfg.DefaultWorkspace
	}
	out, err := cfg.Select(name)
	switch {
	case in.Workspace != "":
		out.Sources["workspace"] = "flag --workspace"
	case name != "":
		out.Sources["workspace"] = cfg.Sources["default_workspace"]
	default:
		out.Sources["workspace"] = "default"
	}
	return out, err
}

// ResolveBase is Resolve without choosing a workspace: no key is read yet.
// Its result serves only to list the workspaces and to Select one.
func ResolveBase(in Input, userConfigDir func() (string, error)) (Config, error) {
	cfg, err := resolveBase(in, userConfigDir)
	return cfg, scrub(err, in.Getenv("BRAZE_API_KEY"))
}

// resolveBase is ResolveBase before its errors are scrubbed of keys.
func resolveBase(in Input, userConfigDir func() (string, error)) (Config, error) {
	cfg := Default()
	// The environment is known before the file is read, so that a value of
	// the file holding the environment's key is told without quoting it.
	cfg.getenv = in.Getenv
	path, explicit := Path(in.ConfigFlag, in.Getenv, userConfigDir)
	cfg.File, cfg.WatchlistFile = path, path
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
	if v := in.Getenv("BRAZE_REST_ENDPOINT"); v != "" {
		endpoint, cfg.Sources["endpoint"] = v, "env BRAZE_REST_ENDPOINT"
	}
	if v := strings.TrimSpace(in.Getenv("BRAZE_API_KEY")); v != "" {
		cfg.APIKey, cfg.Sources["api_key"] = v, "env BRAZE_API_KEY"
	}
	if v, ok := in.Flags["endpoint"]; ok {
		endpoint, cfg.Sources["endpoint"] = v, "flag --endpoint"
	}
	if v, ok := in.Flags["api-key-file"]; ok {
		cfg.APIKeyFile, cfg.APIKey = v, ""
		cfg.Sources["api_key"] = "flag --api-key-file"
	}
	for _, s := range flagKeys {
		if v, ok := in.Flags[s.flag]; ok {
			if err := cfg.set(s.key, v); err != nil {
				return cfg, fmt.Errorf("--%s: %w", s.flag, err)
			}
			cfg.Sources[s.key] = "flag --" + s.flag
		}
	}
	cfg.rawEndpoint, cfg.getenv = endpoint, in.Getenv
	base := cfg
	cfg.base = &base
	return cfg, nil
}

// resolveKey reads the key (from the environment or a key file) and the
// endpoint; no key at all means the demo.
func (c *Config) resolveKey(endpoint string) error {
	if c.APIKey == "" && c.APIKeyFile != "" {
		key, warn, err := ReadKeyFile(c.APIKeyFile, c.Source("api_key"))
		if err != nil {
			return err
		}
		c.APIKey = key
		if warn != "" {
			c.Warnings = append(c.Warnings, warn)
		}
	}
	if c.APIKey == "" {
		if endpoint != "" {
			return errors.New("an endpoint is set (" + c.Source("endpoint") + ") but no API key: set BRAZE_API_KEY or --api-key-file (or unset the endpoint to use the demo)")
		}
		c.Demo = true
		return nil
	}
	if err := client.CheckKey(c.APIKey); err != nil {
		return fmt.Errorf("%w; check %s", err, c.Source("api_key"))
	}
	if endpoint == "" {
		return fmt.Errorf("an API key is set but no endpoint: set BRAZE_REST_ENDPOINT, --endpoint or endpoint in %s to your instance (%s) or its https URL", c.File, client.Instances())
	}
	if c.secretValue(endpoint) {
		return fmt.Errorf("endpoint (%s): the value looks like an API key (not shown), not an instance (%s) or an https URL", c.Source("endpoint"), client.Instances())
	}
	u, err := client.ResolveEndpoint(endpoint)
	if err != nil {
		return fmt.Errorf("endpoint (%s): %w", c.Source("endpoint"), err)
	}
	c.Endpoint = u.String()
	return nil
}

// useDemoWatchlists swaps the workspace's watchlists for the demo's own.
func (c *Config) useDemoWatchlists() error {
	c.WatchlistFile = filepath.Join(filepath.Dir(c.File), DemoWatchlistFile)
	c.Watchlists, c.watchLines = nil, nil
	cf, err := readConfigFile(c.WatchlistFile)
	if err != nil || cf == nil {
		return err
	}
	c.Watchlists, c.watchLines = cf.watchlists, cf.watchLines
	return nil
}
