package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/ui/output"
)

func newConfigCmd(io stdio, getenv func(string) string) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from (the key masked)",
		Long: `config prints every setting segdash would use, and its source: the default, the
config file (with its line), the environment or a flag. The API key is never printed.

Precedence: defaults, then the config file, then the environment, then flags.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := resolveConfig(cmd, getenv)
			if err != nil {
				return err
			}
			printWarnings(io.err, cfg)
			return writeConfig(io, cfg)
		},
	}
}

// source renders a setting's source for humans.
func (c Config) source(key string) string {
	s := c.Sources[key]
	if line, ok := strings.CutPrefix(s, "file:"); ok {
		return c.File + ":" + line
	}
	return s
}

func writeConfig(io stdio, cfg Config) error {
	file := cfg.File
	if !cfg.FileFound {
		file += " (not found: defaults apply)"
	}
	fmt.Fprintf(io.out, "config file: %s\n\n", file)
	tw := tabwriter.NewWriter(io.out, 0, 4, 2, ' ', 0)
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
		{"endpoint", endpoint, cfg.source("endpoint")},
		{"api key", key, cfg.source("api_key")},
		{"theme", cfg.Theme, cfg.source("theme")},
		{"length", strconv.Itoa(cfg.Length) + " days", cfg.source("length")},
		{"refresh", cfg.Refresh.String(), cfg.source("refresh")},
		{"cache_ttl", cfg.CacheTTL.String(), cfg.source("cache_ttl")},
		{"concurrency", strconv.Itoa(cfg.Concurrency), cfg.source("concurrency")},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r[0], output.SafeText(r[1]), r[2])
	}
	if len(cfg.Watchlists) == 0 {
		fmt.Fprintf(tw, "watchlists\tnone\t\n")
	}
	for _, w := range cfg.Watchlists {
		fmt.Fprintf(tw, "watchlist %s\t%d segments\t%s:%d\n", output.SafeText(w.Name), len(w.Segments), cfg.File, w.Line)
	}
	return tw.Flush()
}
