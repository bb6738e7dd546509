package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

func (a *app) newSilenceCmd() *cobra.Command {
	c := &cobra.Command{
		Use:     "silence",
		Short:   "Quiet the alerts of a known event until a day: add or list silences",
		Long:    cli.SilenceLong,
		Example: cli.SilenceExample,
		Args:    cobra.NoArgs,
	}
	c.AddCommand(a.newSilenceAddCmd(), a.newSilenceListCmd())
	return c
}

func (a *app) newSilenceAddCmd() *cobra.Command {
	f := &config.SilenceRequest{}
	c := &cobra.Command{
		Use:     "add",
		Short:   "Write a silence into the config file",
		Long:    cli.SilenceAddLong,
		Example: cli.SilenceAddExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.Workspaces = config.WorkspaceFlag(cmd.Flag)
			s, err := f.Silence(client.DateOf(a.now().UTC()))
			if err != nil {
				return err
			}
			path, err := a.configPath(cmd)
			if err != nil {
				return err
			}
			// A broken config file is reported as every command does, and
			// not rewritten.
			if _, err := config.ResolveBase(a.configInput(cmd, ""), os.UserConfigDir); err != nil {
				return configError(err)
			}
			replaced, err := config.SaveSilence(path, s)
			if err != nil {
				return err
			}
			output.WriteSilenceSaved(a.out, path, s, replaced)
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.Segment, "segment", "", "silence one segment, by id or exact name")
	fl.StringVar(&f.Tag, "tag", "", "silence every segment with this tag")
	fl.StringVar(&f.Until, "until", "", "the last day silenced, YYYY-MM-DD (UTC)")
	fl.StringVar(&f.For, "for", "", "silence for this long from today: Nd or Nw, like 7d")
	fl.StringVar(&f.Reason, "reason", "", "why: shown with every alert it quiets (required)")
	cli.SetUsageErrors(c)
	return c
}

func (a *app) newSilenceListCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the silences of the config file, active and expired",
		Long:    cli.SilenceListLong,
		Example: cli.SilenceListExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := config.ResolveBase(a.configInput(cmd, ""), os.UserConfigDir)
			if err != nil {
				return configError(err)
			}
			silences, where := cfg.SilenceList()
			return output.WriteSilences(a.out, cfg.File, silences, where, client.DateOf(a.now().UTC()))
		},
	}
}
