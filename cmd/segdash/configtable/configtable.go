// Package configtable writes the configuration in effect as a table: each
// setting, its value and where it came from (a default, the config file and
// its line, the environment or a flag), every API key masked.
package configtable

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// Write prints cfg as a table of settings, their values and where each
// came from. No key is printed: only where it is read from.
func Write(w io.Writer, cfg config.Config, today client.Date) error {
	file := cfg.File
	if !cfg.FileFound {
		file += " (not found: defaults apply)"
	}
	fmt.Fprintf(w, "config file: %s\n\n", file)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	note := ""
	fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
	endpoint := cfg.Endpoint
	key := "not set"
	switch {
	case cfg.Demo:
		endpoint, key = "built-in demo (no API key)", "not set: demo mode"
	case cfg.APIKeyFile != "" && cfg.Sources["api_key"] != "env BRAZE_API_KEY":
		key = "******** (read from " + cfg.APIKeyFile + ")"
	default:
		key = "********"
	}
	rows := [][3]string{
		{"endpoint", endpoint, cfg.Source("endpoint")},
		{"api key", key, cfg.Source("api_key")},
		{"theme", cfg.Theme, cfg.Source("theme")},
		{"length", strconv.Itoa(cfg.Length) + " days", cfg.Source("length")},
		{"refresh", cfg.Refresh.String(), cfg.Source("refresh")},
		{"cache_ttl", cfg.CacheTTL.String(), cfg.Source("cache_ttl")},
		{"concurrency", strconv.Itoa(cfg.Concurrency), cfg.Source("concurrency")},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r[0], safe.Text(r[1]), r[2])
	}
	if len(cfg.Watchlists) == 0 {
		fmt.Fprintf(tw, "watchlists\tnone\t%s\n", cfg.WatchlistFile)
	}
	if cfg.Demo && cfg.WatchlistFile != cfg.File {
		// Rules naming the workspace's watchlists find none in the demo.
		// Said under the table: as a row it would widen VALUE.
		note = "note: the demo keeps its own watchlists; the config file's are for a real workspace\n"
	}
	// Rules and silences come from the config file, when there is one.
	from := cfg.File
	if !cfg.FileFound {
		from = "default"
	}
	names := make([]string, len(cfg.Rules))
	for i, r := range cfg.Rules {
		names[i] = safe.Text(r.Name)
	}
	switch {
	case len(cfg.Rules) == 0:
		fmt.Fprintf(tw, "rules\tnone\t%s\n", from)
	default:
		fmt.Fprintf(tw, "rules\t%s: %s\t%s\n", output.Plural(len(cfg.Rules), "rule", "rules"), strings.Join(names, ", "), from)
	}
	fmt.Fprintf(tw, "silences\t%s\t%s\n", monitor.SilenceSummary(cfg.Silences, today), from)
	for _, wl := range cfg.Watchlists {
		fmt.Fprintf(tw, "watchlist %s\t%s\t%s:%d\n", safe.Text(wl.Name), output.Plural(len(wl.Segments), "segment", "segments"), cfg.WatchlistFile, cfg.WatchlistLine(wl.Name))
	}
	writeWorkspaceRows(tw, cfg)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, note)
	return err
}

// writeWorkspaceRows adds the workspace in use and every configured one,
// each key masked: only where it comes from is shown.
func writeWorkspaceRows(tw io.Writer, cfg config.Config) {
	if len(cfg.Workspaces) == 0 {
		return
	}
	inUse := cfg.Workspace
	if inUse == "" {
		inUse = "(unnamed: the environment or the top-level settings)"
	}
	fmt.Fprintf(tw, "workspace in use\t%s\t%s\n", safe.Text(inUse), cfg.Source("workspace"))
	for _, w := range cfg.Workspaces {
		name := w.Name
		if name == cfg.DefaultWorkspace {
			name += " (default)"
		}
		fmt.Fprintf(tw, "workspace %s\t%s, key ******** from %s, %s, %s\t%s:%d\n", safe.Text(name),
			safe.Text(w.Endpoint), safe.Text(w.KeySource()), output.Plural(len(w.Watchlists), "watchlist", "watchlists"),
			output.Plural(len(w.Rules), "rule", "rules"), cfg.File, w.Line)
	}
}
