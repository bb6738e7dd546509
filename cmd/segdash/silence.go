package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// maxSilenceDays is the longest --for: a silence of years is a rule that
// should be removed, not a known event.
const maxSilenceDays = 366

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

// silenceFlags are the flags of `segdash silence add`.
type silenceFlags struct {
	segment, tag, until, forDays, reason string
}

func (a *app) newSilenceAddCmd() *cobra.Command {
	f := &silenceFlags{}
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
			s, err := f.silence(workspaceFlag(cmd), client.DateOf(a.now().UTC()))
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
				return &codeError{code: exitError, err: err}
			}
			verb := "added"
			if replaced {
				verb = "replaced"
			}
			fmt.Fprintf(a.out, "%s in %s: %s, %s\n", verb, path, silenceTarget(s), output.SafeText(s.Text()))
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.segment, "segment", "", "silence one segment, by id or exact name")
	fl.StringVar(&f.tag, "tag", "", "silence every segment with this tag")
	fl.StringVar(&f.until, "until", "", "the last day silenced, YYYY-MM-DD (UTC)")
	fl.StringVar(&f.forDays, "for", "", "silence for this long from today: Nd or Nw, like 7d")
	fl.StringVar(&f.reason, "reason", "", "why: shown with every alert it quiets (required)")
	setUsageErrors(c)
	return c
}

// silence builds the silence the flags ask for, on day today; workspaces
// are the --workspace values.
func (f *silenceFlags) silence(workspaces []string, today client.Date) (monitor.Silence, error) {
	var s monitor.Silence
	targets := 0
	for _, v := range []string{f.segment, f.tag} {
		if v != "" {
			targets++
		}
	}
	targets += len(workspaces)
	if targets != 1 {
		return s, usageError("give exactly one of --segment, --tag or --workspace (see segdash silence add --help)")
	}
	s.Segment, s.Tag = strings.TrimSpace(f.segment), strings.TrimSpace(f.tag)
	if len(workspaces) == 1 {
		s.Workspace = strings.TrimSpace(workspaces[0])
	}
	if s.Segment == "" && s.Tag == "" && s.Workspace == "" {
		return s, usageError("--segment, --tag or --workspace: want a value, got none")
	}
	switch {
	case f.until != "" && f.forDays != "":
		return s, usageError("--until and --for exclude each other: give one")
	case f.until != "":
		d, err := client.ParseDate(strings.TrimSpace(f.until))
		if err != nil {
			return s, usageError("--until %q: want the last day silenced as YYYY-MM-DD", output.SafeText(f.until))
		}
		s.Until = d
	case f.forDays != "":
		n, err := parseDays(f.forDays)
		if err != nil {
			return s, usageError("--for %q: %v", output.SafeText(f.forDays), err)
		}
		s.Until = today.AddDays(n)
	default:
		return s, usageError("say until when: --until YYYY-MM-DD (the last day silenced) or --for 7d")
	}
	if s.Until.Before(today) {
		return s, usageError("--until %s is in the past (today is %s, UTC): a silence holds through its last day", s.Until, today)
	}
	s.Reason = strings.TrimSpace(f.reason)
	if s.Reason == "" {
		return s, usageError("--reason: say why, for whoever reads the alerts it quiets")
	}
	return s, nil
}

// parseDays reads "7d" or "2w" as a number of days, 1..maxSilenceDays.
func parseDays(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	unit := 1
	switch {
	case strings.HasSuffix(s, "w"):
		unit, s = 7, strings.TrimSuffix(s, "w")
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	default:
		return 0, fmt.Errorf("want a number of days or weeks, like 7d or 2w")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n*unit > maxSilenceDays {
		return 0, fmt.Errorf("want a number of days or weeks from 1d to %dd, like 7d or 2w", maxSilenceDays)
	}
	return n * unit, nil
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
			return writeSilences(a.out, cfg, client.DateOf(a.now().UTC()))
		},
	}
}

// writeSilences prints cfg's silences as a table, each marked active or
// expired on day today.
func writeSilences(w io.Writer, cfg config.Config, today client.Date) error {
	type row struct {
		s     monitor.Silence
		where string
	}
	var rows []row
	var all []monitor.Silence
	for _, s := range cfg.Silences {
		rows = append(rows, row{s, "every workspace"})
	}
	for _, ws := range cfg.Workspaces {
		for _, s := range ws.Silences {
			rows = append(rows, row{s, "workspace " + ws.Name})
		}
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintf(w, "no silences in %s (segdash silence add writes one)\n", cfg.File)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STATE\tSILENCES\tUNTIL\tHOLDS IN\tREASON")
	for _, r := range rows {
		all = append(all, r.s)
		state := "active"
		if r.s.Until.Before(today) {
			state = "expired"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", state, silenceTarget(r.s), r.s.Until, r.where, output.SafeText(r.s.Reason))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s (today is %s, UTC)\n", monitor.SilenceSummary(all, today), today)
	return err
}

// silenceTarget says what s silences: `segment "Spike club"`.
func silenceTarget(s monitor.Silence) string {
	switch {
	case s.Tag != "":
		return "tag " + strconv.Quote(output.SafeText(s.Tag))
	case s.Workspace != "":
		return "workspace " + output.SafeText(s.Workspace)
	}
	return "segment " + strconv.Quote(output.SafeText(s.Segment))
}
