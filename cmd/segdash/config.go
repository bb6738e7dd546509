package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
)

// globalFlags are the flags every subcommand shares.
type globalFlags struct {
	endpoint    string
	apiKeyFile  string
	cacheTTL    time.Duration
	concurrency int
}

func (g *globalFlags) register(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&g.endpoint, "endpoint", "", "Braze REST endpoint: an instance name (US-03, EU-01, ...) or an https URL (env BRAZE_REST_ENDPOINT)")
	f.StringVar(&g.apiKeyFile, "api-key-file", "", "read the REST API key from this file instead of BRAZE_API_KEY")
	f.DurationVar(&g.cacheTTL, "cache-ttl", 5*time.Minute, "how long a fetched series is reused before asking the API again")
	f.IntVar(&g.concurrency, "concurrency", 4, "most API requests in flight at once (1..16)")
}

// Config is the resolved configuration: defaults, then environment, then
// flags, validated in one place. Nothing in ui/ or client/ reads config.
type Config struct {
	// Endpoint is the resolved REST base URL (empty in demo mode).
	Endpoint string
	// APIKey is the secret; it is never printed.
	APIKey string
	// Demo is true when no key was given: the built-in stand-in is used.
	Demo        bool
	CacheTTL    time.Duration
	Concurrency int
}

// resolveConfig builds the Config from the environment and flags.
func resolveConfig(g *globalFlags, getenv func(string) string) (Config, error) {
	cfg := Config{CacheTTL: g.cacheTTL, Concurrency: g.concurrency}
	if cfg.CacheTTL < 0 {
		return cfg, usageError("--cache-ttl must not be negative")
	}
	if cfg.Concurrency < 1 || cfg.Concurrency > 16 {
		return cfg, usageError("--concurrency must be between 1 and 16, got %d", cfg.Concurrency)
	}
	key := strings.TrimSpace(getenv("BRAZE_API_KEY"))
	if g.apiKeyFile != "" {
		b, err := os.ReadFile(g.apiKeyFile)
		if err != nil {
			return cfg, fmt.Errorf("--api-key-file: %w", errors.Unwrap(err))
		}
		key = strings.TrimSpace(string(b))
		if key == "" {
			return cfg, fmt.Errorf("--api-key-file %s is empty", g.apiKeyFile)
		}
	}
	endpoint := getenv("BRAZE_REST_ENDPOINT")
	if g.endpoint != "" {
		endpoint = g.endpoint
	}
	if key == "" {
		if endpoint != "" {
			return cfg, errors.New("an endpoint is set but no API key: set BRAZE_API_KEY or --api-key-file (or unset the endpoint to use the demo)")
		}
		cfg.Demo = true
		return cfg, nil
	}
	if strings.ContainsAny(key, " \t\r\n") {
		return cfg, errors.New("the API key contains white space; check BRAZE_API_KEY or the key file")
	}
	if endpoint == "" {
		return cfg, fmt.Errorf("an API key is set but no endpoint: set BRAZE_REST_ENDPOINT or --endpoint to your instance (%s) or its https URL", client.Instances())
	}
	u, err := client.ResolveEndpoint(endpoint)
	if err != nil {
		return cfg, err
	}
	cfg.Endpoint, cfg.APIKey = u.String(), key
	return cfg, nil
}

// backend is a ready client and cache, with the demo server behind them
// when there is no key.
type backend struct {
	cache *client.Cache
	demo  *brazetest.Server
}

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
// stand-in on loopback with clock demoNow.
func connect(ctx context.Context, cfg Config, demoNow func() time.Time) (*backend, error) {
	b := &backend{}
	endpoint, key := cfg.Endpoint, cfg.APIKey
	if cfg.Demo {
		srv, err := brazetest.Start("127.0.0.1:0", demoOptions(demoNow))
		if err != nil {
			return nil, fmt.Errorf("starting the built-in demo API: %w", err)
		}
		b.demo = srv
		endpoint, key = srv.URL, srv.Key
	}
	c, err := client.New(endpoint, key, client.WithUserAgent("segdash/"+version()))
	if err != nil {
		b.Close()
		return nil, err
	}
	b.cache = client.NewCache(c, client.CacheOptions{TTL: cfg.CacheTTL, MaxInFlight: cfg.Concurrency})
	return b, nil
}
