// Package cli holds segdash's command-line conventions, apart from the
// commands themselves: the man page made from the command tree, help
// wrapped to the terminal with an example on every command, the version's
// build facts, and the colour rule (--color, NO_COLOR, CLICOLOR,
// CLICOLOR_FORCE) that the dashboard and the text output both follow.
package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// minHelpWidth is the narrowest help is wrapped to.
const minHelpWidth = 40

// HelpWidth is the width of help written to a file, a pipe or an SSH
// command without a terminal.
const HelpWidth = 80

// FinishHelp completes the tree under root for help and man: cobra's
// completion commands made now (so that they get examples and show in the
// man page), an example on every command that has none, and help wrapped
// to width columns.
func FinishHelp(root *cobra.Command, width int) {
	root.InitDefaultCompletionCmd()
	examples := defaultExamples()
	Walk(root, func(c *cobra.Command) {
		if c.Example == "" {
			c.Example = examples[c.CommandPath()]
		}
	})
	WrapHelp(root, width)
}

// WrapHelp wraps the help of root and the commands under it to width
// columns (at least minHelpWidth): the long text, the examples (still
// pasteable) and the usage with its flags.
func WrapHelp(root *cobra.Command, width int) {
	width = max(width, minHelpWidth)
	Walk(root, func(c *cobra.Command) {
		if c.Long == "" && ansi.StringWidth(c.Short) > width {
			c.Long = c.Short // help shows Long, else Short, which must wrap too
		}
		c.Long = reflow(c.Long, width)
		c.Example = wrapExamples(c.Example, width)
	})
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c, width) })
}

// Walk calls fn on c and every command under it.
func Walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		Walk(sub, fn)
	}
}

// reflow refills the paragraphs of s that have a line longer than width;
// other paragraphs, indented lines (examples) and lines that start a list
// item ("- ") keep the layout they were written with.
func reflow(s string, width int) string {
	var out, para []string
	flush := func() {
		long := false
		for _, l := range para {
			long = long || ansi.StringWidth(l) > width
		}
		if long {
			para = []string{wrapWords(strings.Join(para, " "), width, "")}
		}
		out, para = append(out, para...), nil
	}
	for l := range strings.SplitSeq(s, "\n") {
		switch {
		case l == "" || strings.HasPrefix(l, " "):
			flush()
			out = append(out, wrapLines(l, width))
		case strings.HasPrefix(l, "- "):
			flush()
			para = append(para, l)
		default:
			para = append(para, l)
		}
	}
	flush()
	return strings.Join(out, "\n")
}

// wrapLines breaks the lines of s longer than width at spaces, keeping
// each line's indent; shorter lines, and so the text's own layout, stay
// as written.
func wrapLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		body := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(body)]
		lines[i] = indent + wrapWords(body, width-len(indent), indent)
	}
	return strings.Join(lines, "\n")
}

// wrapWords fills the words of s into lines of at most width columns (a
// longer word gets a line of its own), starting each new line with indent.
func wrapWords(s string, width int, indent string) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	var b strings.Builder
	col := 0
	for i, w := range strings.Split(s, " ") {
		ww := ansi.StringWidth(w)
		switch {
		case i == 0:
		case col+1+ww > width && col > 0:
			b.WriteString("\n" + indent)
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += ww
	}
	return b.String()
}

// writeUsage is cobra's usage text for c with every line wrapped to width:
// the command list's descriptions under their column, the flags with
// pflag's own wrapping.
func writeUsage(w io.Writer, c *cobra.Command, width int) error {
	var b strings.Builder
	b.WriteString("Usage:")
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " [command]")
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\nAliases:\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\nExamples:\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\nAvailable Commands:")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				pad := c.NamePadding() + 3
				b.WriteString("\n  " + fmt.Sprintf("%-*s", pad-2, sub.Name()) + wrapWords(sub.Short, width-pad, strings.Repeat(" ", pad)))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\nFlags:\n" + strings.TrimRight(c.LocalFlags().FlagUsagesWrapped(width), " \n"))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\nGlobal Flags:\n" + strings.TrimRight(c.InheritedFlags().FlagUsagesWrapped(width), " \n"))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\nUse \"" + c.CommandPath() + " [command] --help\" for more information about a command.")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
