package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manExtra is the man page's sections that are not in the command tree.
const manExtra = `.SH ENVIRONMENT
.TP
.B BRAZE_API_KEY
the REST API key (or --api-key-file, or a workspace's api_key_file or
api_key_env); without one, segdash runs on built-in demo data
.TP
.B BRAZE_REST_ENDPOINT
the REST endpoint: an instance name (US-03, EU-01, ...) or an https URL
.TP
.B SEGDASH_CONFIG
the config file, instead of the default below
.TP
.B NO_COLOR, CLICOLOR, CLICOLOR_FORCE
NO_COLOR (any value) or CLICOLOR=0 turn colour off; CLICOLOR_FORCE (not 0)
turns it on even into a pipe; --color overrides them all
.SH FILES
.TP
.I $XDG_CONFIG_HOME/segdash/config.yaml
the config file (~/.config/segdash/config.yaml when XDG_CONFIG_HOME is not
set); on macOS and Windows, the OS's config dir is read after it;
segdash config path prints the one in effect, segdash config init writes one
.TP
.I $XDG_CACHE_HOME/segdash/
the data the last run saw of each workspace, for an instant start and
--offline
.SH EXIT STATUS
check and scan: 0 all good, 1 a threshold was breached or a rule fired,
2 a usage, configuration or API error. Other commands: 0 or 2.
`

// WriteMan writes the man page of the tree under root as roff, version
// in its header: the commands, their flags and examples as help shows
// them, then the environment, files and exit status.
func WriteMan(w io.Writer, root *cobra.Command, version string) error {
	var b strings.Builder
	name := root.Name()
	fmt.Fprintf(&b, ".TH %s 1 \"\" \"%s %s\" \"User Commands\"\n", strings.ToUpper(name), name, RoffText(version))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", name, RoffText(root.Short))
	b.WriteString(".SH SYNOPSIS\n")
	Walk(root, func(c *cobra.Command) {
		if ManShown(c) && c.Runnable() {
			fmt.Fprintf(&b, "\\fB%s\\fR%s\n.br\n", RoffText(c.CommandPath()), RoffText(strings.TrimPrefix(c.UseLine(), c.CommandPath())))
		}
	})
	b.WriteString(".SH DESCRIPTION\n")
	writeRoffBody(&b, root.Long)
	writeRoffFlags(&b, "OPTIONS", root.LocalNonPersistentFlags())
	writeRoffFlags(&b, "GLOBAL OPTIONS", root.PersistentFlags())
	b.WriteString(".SH COMMANDS\n")
	Walk(root, func(c *cobra.Command) {
		if c == root || !ManShown(c) {
			return
		}
		fmt.Fprintf(&b, ".SS %s\n", RoffText(c.CommandPath()))
		writeRoffBody(&b, cmp(c.Long, c.Short))
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" {
				writeRoffFlag(&b, f)
			}
		})
		if c.Example != "" {
			b.WriteString(".PP\nExamples:\n")
			writeRoffBody(&b, c.Example)
		}
	})
	b.WriteString(manExtra)
	fmt.Fprintf(&b, ".SH SEE ALSO\n%s \\-\\-help, %s help COMMAND\n", name, name)
	_, err := io.WriteString(w, b.String())
	return err
}

// cmp is a if it is set, else b.
func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ManShown reports whether c belongs in the man page: not hidden, not help.
func ManShown(c *cobra.Command) bool {
	return !c.Hidden && c.Name() != "help" && c.IsAvailableCommand()
}

// writeRoffFlags writes a section of flags, when there are any to show.
func writeRoffFlags(b *strings.Builder, title string, fs *pflag.FlagSet) {
	n := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			if n == 0 {
				b.WriteString(".SH " + title + "\n")
			}
			n++
			writeRoffFlag(b, f)
		}
	})
}

// writeRoffFlag writes one flag as a tagged paragraph.
func writeRoffFlag(b *strings.Builder, f *pflag.Flag) {
	b.WriteString(".TP\n")
	if f.Shorthand != "" {
		fmt.Fprintf(b, "\\fB\\-%s\\fR, ", RoffText(f.Shorthand))
	}
	fmt.Fprintf(b, "\\fB\\-\\-%s\\fR", RoffText(f.Name))
	varname, usage := pflag.UnquoteUsage(f)
	if varname != "" {
		fmt.Fprintf(b, " \\fI%s\\fR", RoffText(varname))
	}
	b.WriteString("\n" + roffLine(usage))
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
		b.WriteString(" (default " + RoffText(f.DefValue) + ")")
	}
	b.WriteString("\n")
}

// writeRoffBody writes text: paragraphs filled by man, indented lines
// (examples, lists) kept as they are.
func writeRoffBody(b *strings.Builder, text string) {
	literal := false
	for l := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		indented := strings.HasPrefix(l, " ")
		switch {
		case indented && !literal:
			b.WriteString(".PP\n.RS 4\n.nf\n")
			literal = true
		case !indented && literal:
			b.WriteString(".fi\n.RE\n")
			literal = false
		}
		switch {
		case l == "" && !literal:
			b.WriteString(".PP\n")
		case literal:
			b.WriteString(roffLine(strings.TrimPrefix(l, "  ")) + "\n")
		default:
			b.WriteString(roffLine(l) + "\n")
		}
	}
	if literal {
		b.WriteString(".fi\n.RE\n")
	}
}

// RoffText escapes text for roff: backslashes and hyphens, and every
// character outside ASCII as a named glyph (\[u00D7]), so that groff reads
// the page the same with or without preconv.
func RoffText(s string) string {
	s = strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, `\[u%04X]`, r)
	}
	return b.String()
}

// roffLine is RoffText for a whole line: one that starts with a dot or an
// apostrophe would be read as a request, so it is guarded.
func roffLine(s string) string {
	s = RoffText(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
