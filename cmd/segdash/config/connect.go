package config

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/snapshot"
)

// DemoDay is how often the demo's newest sizes move (brazetest's Drift),
// and so the demo's refresh pace.
const DemoDay = 10 * time.Second

// Backend is a ready client and cache, with the demo server behind them
// when there is no key.
type Backend struct {
	// Cache is the cache over the workspace's client.
	Cache *client.Cache
	demo  *brazetest.Server
}

// Close releases the backend's connections and its demo server.
func (b *Backend) Close() {
	if b.Cache != nil {
		b.Cache.Client().CloseIdleConnections()
	}
	if b.demo != nil {
		b.demo.Close()
	}
}

// The built-in demo workspace: its seed and its number of segments.
const (
	demoSeed     = 42
	demoSegments = 300
)

// DemoOptions is the built-in demo workspace; now is the API's clock.
func DemoOptions(now func() time.Time) brazetest.Options {
	ws := brazetest.NewWorkspace(demoSeed, demoSegments)
	// A few segments break on the newest day, whatever day it is when the
	// demo runs, so that a scan always has something to find; the newest
	// day's sizes move a little every DemoDay, so that the demo is live.
	// Three more that share a tag fall together: the scan's incident.
	ws.PlantRollingBreaks(client.DateOf(now()).AddDays(-1))
	ws.PlantRollingIncident(client.DateOf(now()).AddDays(-1))
	return brazetest.Options{Workspace: ws, Now: now, Drift: DemoDay}
}

// DemoListing is the built-in demo's segment listing, made without any
// request: what shell completion offers when the demo is what a command
// would run on.
func DemoListing() []client.Segment {
	listed := brazetest.NewWorkspace(demoSeed, demoSegments).Listed()
	out := make([]client.Segment, len(listed))
	for i, s := range listed {
		out[i] = client.Segment{ID: s.ID, Name: s.Name, Tags: s.Tags, AnalyticsTrackingEnabled: s.Tracked}
	}
	return out
}

// ConnectOptions are how Connect builds a backend.
type ConnectOptions struct {
	// Now is the cache's clock, DemoNow the demo API's.
	Now, DemoNow func() time.Time
	// Offline makes the cache refuse every request.
	Offline bool
	// UserAgent is the client's User-Agent.
	UserAgent string
	// Client are the client's further options (serve's request counter).
	Client []client.Option
}

// Connect builds the client and cache for cfg. In demo mode it starts the
// stand-in API on loopback with clock o.DemoNow.
func Connect(cfg Config, o ConnectOptions) (*Backend, error) {
	b := &Backend{}
	endpoint, key := cfg.Endpoint, cfg.APIKey
	if cfg.Demo && !o.Offline {
		srv, err := brazetest.Start("127.0.0.1:0", DemoOptions(o.DemoNow))
		if err != nil {
			return nil, fmt.Errorf("starting the built-in demo API: %w", err)
		}
		b.demo = srv
		endpoint, key = srv.URL, srv.Key
	}
	if endpoint == "" { // offline demo: a client that is never used
		endpoint, key = "http://127.0.0.1:1", "offline"
	}
	c, err := client.New(endpoint, key, append([]client.Option{client.WithUserAgent(o.UserAgent)}, o.Client...)...)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.Cache = client.NewCache(c, client.CacheOptions{TTL: cfg.CacheTTL, MaxInFlight: cfg.Concurrency, Offline: o.Offline, Now: o.Now})
	return b, nil
}

// SnapshotStore is where the data kept between runs of cfg's workspace
// lives, or nil for the demo (its data lives only as long as the process)
// or when there is no cache dir.
func SnapshotStore(cfg Config, now func() time.Time) *snapshot.Store {
	if cfg.Demo {
		return nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	return snapshot.NewStore(filepath.Join(dir, "segdash"), cfg.Endpoint, cfg.APIKey, now)
}

// Title names the workspace for the dashboard's title: its name, when it
// has one, and its endpoint.
func (c Config) Title() string {
	if c.Workspace == "" {
		return c.Endpoint
	}
	return c.Workspace + " · " + c.Endpoint
}

// Dirs are the segdash config folders, in the order the config file is
// looked for in them (Candidates).
func Dirs(getenv func(string) string, userConfigDir func() (string, error)) []string {
	var dirs []string
	for _, c := range Candidates(getenv, userConfigDir) {
		dirs = append(dirs, filepath.Dir(c))
	}
	return dirs
}
