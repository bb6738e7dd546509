package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

func (a *app) newSilenceCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "silence",
		Short: "Quiet the alerts of a known event until a day: add or list silences",
		Long: `A silence quiets the alerts of a segment, a tag or a whole workspace until a day
(the last day silenced), with a reason. Silenced alerts are still shown, marked
with the reason; they change neither the exit status nor the Nagios state.
Silences live in the config file's silences: list.`,
		Example: `  segdash silence add --segment "Spike club" --for 7d --reason "import moved"
  segdash silence add --tag warehouse --until 2026-12-31 --reason "migration"
  segdash silence list`,
		Args: cobra.NoArgs,
	}
	c.AddCommand(a.newSilenceAddCmd(), a.newSilenceListCmd())
	return c
}

func (a *app) newSilenceAddCmd() *cobra.Command {
	f := &config.SilenceRequest{}
	c := &cobra.Command{
		Use:   "add",
		Short: "Write a silence into the config file",
		Long: `add {--segment X | --tag T | -w NAME} {--until DAY | --for 7d} --reason TEXT
writes one silence into the top-level silences: of the config file in effect (see segdash config path), where it holds in every workspace. A silence
of the same segment, tag or workspace is replaced. Comments in the file are kept.

--until is the last day silenced (UTC, the API's day); --for Nd (or Nw) ends
N days (weeks) after today. A day in the past and a missing reason are refused.`,
		Example: `  segdash silence add --segment "Spike club" --for 7d --reason "import moved"
  segdash silence add --tag warehouse --until 2026-12-31 --reason "migration"
  segdash silence add -w eu --for 2w --reason "EU workspace migration"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.Workspaces = workspaceFlag(cmd)
			s, err := f.Silence(client.DateOf(a.now().UTC()))
			if err != nil {
				return usageError("%v", err)
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
				return &codeError{code: exitError, err: err}
			}
			verb := "added"
			if replaced {
				verb = "replaced"
			}
			fmt.Fprintf(a.out, "%s in %s: %s, %s\n", verb, path, output.SilenceTarget(s), output.SafeText(s.Text()))
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.Segment, "segment", "", "silence one segment, by id or exact name")
	fl.StringVar(&f.Tag, "tag", "", "silence every segment with this tag")
	fl.StringVar(&f.Until, "until", "", "the last day silenced, YYYY-MM-DD (UTC)")
	fl.StringVar(&f.For, "for", "", "silence for this long from today: Nd or Nw, like 7d")
	fl.StringVar(&f.Reason, "reason", "", "why: shown with every alert it quiets (required)")
	setUsageErrors(c)
	return c
}

func (a *app) newSilenceListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the silences of the config file, active and expired",
		Long: `list prints every silence of the config file: the top-level ones, which hold
in every workspace, and each workspace entry's own, marked active or expired
(UTC, the API's day). An expired silence quiets nothing; delete it from the file
when it is no longer worth keeping.`,
		Example: `  segdash silence list
  segdash --config ./team.yaml silence list`,
		Args: cobra.NoArgs,
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
