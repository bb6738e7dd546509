package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/configtable"
)

func (a *app) newConfigCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from (the key masked)",
		Long: `config prints every setting segdash would use, and its source: the default, the
config file (with its line), the environment or a flag. The API key is never printed.

Precedence: defaults, then the config file, then the environment, then flags.

The config file is --config, else SEGDASH_CONFIG, else segdash/config.yaml in
$XDG_CONFIG_HOME (or ~/.config) on every OS; the OS's own config dir (macOS:
~/Library/Application Support, Windows: %AppData%) is read when only it has one.
segdash config path prints the one in effect; segdash config init writes a
commented template there.`,
		Example: `  segdash config
  segdash config -w eu
  segdash config path
  segdash config init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.resolveConfig(cmd)
			if err != nil {
				return err
			}
			printWarnings(a.errw, cfg)
			return configtable.Write(a.out, cfg, client.DateOf(a.now().UTC()))
		},
	}
	c.AddCommand(a.newConfigPathCmd(), a.newConfigInitCmd())
	return c
}

// configPath is the config file in effect for cmd (--config,
// SEGDASH_CONFIG, else the first candidate that exists).
func (a *app) configPath(cmd *cobra.Command) (string, error) {
	path, _ := config.Path(a.configInput(cmd, "").ConfigFlag, a.getenv, os.UserConfigDir)
	if path == "" {
		return "", &codeError{code: exitError, err: errors.New("no config dir: set HOME, XDG_CONFIG_HOME or SEGDASH_CONFIG")}
	}
	return path, nil
}

func (a *app) newConfigPathCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print the path of the config file in effect",
		Long: `path prints the config file segdash reads (whether or not it exists yet: on
stderr a note says when it does not).`,
		Example: `  segdash config path
  $EDITOR "$(segdash config path)"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.configPath(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.out, path)
			if _, err := os.Lstat(path); err != nil {
				fmt.Fprintln(a.errw, "segdash: the file does not exist yet; segdash config init writes a template there")
			}
			return nil
		},
	}
}

func (a *app) newConfigInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a commented config template to the config path",
		Long: `init writes a config file with every setting, commented out, where segdash
reads it (see segdash config path). It never overwrites a file that exists.`,
		Example: `  segdash config init
  segdash --config ./segdash.yaml config init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.configPath(cmd)
			if err != nil {
				return err
			}
			if err := config.Init(path); err != nil {
				return &codeError{code: exitError, err: err}
			}
			fmt.Fprintln(a.out, "wrote "+path)
			return nil
		},
	}
}
