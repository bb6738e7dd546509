package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/configtable"
)

func (a *app) newConfigCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "config",
		Short:   "Print the effective configuration and where each value came from (the key masked)",
		Long:    cli.ConfigLong,
		Example: cli.ConfigExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.resolveConfig(cmd)
			if err != nil {
				return err
			}
			printWarnings(a.errw, cfg)
			return configtable.Write(a.out, cfg, client.DateOf(a.now().UTC()))
		},
	}
	c.AddCommand(cli.NewConfigPathCmd(a.out, a.errw, a.configPath), cli.NewConfigInitCmd(a.out, a.configPath, config.Init))
	return c
}

// configPath is the config file in effect for cmd (--config,
// SEGDASH_CONFIG, else the first candidate that exists).
func (a *app) configPath(cmd *cobra.Command) (string, error) {
	path, _ := config.Path(a.configInput(cmd, "").ConfigFlag, a.getenv, os.UserConfigDir)
	if path == "" {
		return "", errors.New("no config dir: set HOME, XDG_CONFIG_HOME or SEGDASH_CONFIG")
	}
	return path, nil
}
