package cli

// This file holds what shell completion offers: fixed values, and names,
// ids and tags picked from a segment listing. The cobra registration stays
// with the commands.

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/output"
)

// NoFiles is the directive of a value that is never a file.
const NoFiles = cobra.ShellCompDirectiveNoFileComp

// Fixed completes one of values.
func Fixed(values ...string) cobra.CompletionFunc {
	return From(func(*cobra.Command) []string { return values })
}

// From completes one of the values list gives for the command being
// completed.
func From(list func(cmd *cobra.Command) []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return WithPrefix(list(cmd), toComplete), NoFiles
	}
}

// FixedValues are the values a flag named flag of the command named
// command takes, when it takes one of a fixed set: --format, --theme,
// --sort, --compare and --color.
func FixedValues(command, flag string) ([]string, bool) {
	switch flag {
	case "color":
		return ColorModes(), true
	case "theme":
		return themes.Names(), true
	case "sort":
		return monitor.SortOrders(), true
	case "compare":
		return []string{"previous"}, true
	case "format":
		if command == "scan" {
			return output.ScanFormats(), true
		}
		return output.Formats(), true
	}
	return nil, false
}

// TakesPath says whether a flag's name says it takes a path (--config,
// --api-key-file, --host-key, --export-dir, ...): it keeps the shell's
// file completion.
func TakesPath(flag string) bool {
	for _, part := range []string{"file", "config", "key", "dir", "path"} {
		if strings.Contains(flag, part) {
			return true
		}
	}
	return false
}

// WithPrefix keeps the values that start with prefix, ignoring case.
func WithPrefix(values []string, prefix string) []string {
	var out []string
	for _, v := range values {
		if strings.HasPrefix(strings.ToLower(v), strings.ToLower(prefix)) {
			out = append(out, v)
		}
	}
	return out
}

// Tags are the tags of segs that can be offered to a shell, each once,
// sorted.
func Tags(segs []client.Segment) []string {
	var tags []string
	for _, s := range segs {
		for _, t := range s.Tags {
			if printable(t) && !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return tags
}

// Segments are the completions of a SEGMENT argument: the tracked segments
// of segs, by name (the id as description) and, once what is typed starts
// an id, by id; the ones already named in args are left out.
func Segments(segs []client.Segment, args []string, toComplete string) []string {
	var out []string
	prefix := strings.ToLower(toComplete)
	for _, s := range segs {
		if !s.AnalyticsTrackingEnabled || !printable(s.ID) || slices.Contains(args, s.ID) || slices.Contains(args, s.Name) {
			continue
		}
		if printable(s.Name) && strings.HasPrefix(strings.ToLower(s.Name), prefix) {
			out = append(out, s.Name+"\t"+s.ID)
		}
		if toComplete != "" && strings.HasPrefix(s.ID, toComplete) {
			out = append(out, s.ID+"\t"+strings.Map(printableRune, s.Name))
		}
	}
	return out
}

// Within is what read returns, or the zero value when it takes longer than
// budget (read goes on in the background and its answer is dropped): a
// shell waits for a completion at every TAB.
func Within[T any](budget time.Duration, read func() T) T {
	done := make(chan T, 1)
	go func() { done <- read() }()
	select {
	case v := <-done:
		return v
	case <-time.After(budget):
		var zero T
		return zero
	}
}

// printable reports whether s can be offered to a shell as it is: no
// control characters (a tab would split it, an escape would reach the
// terminal).
func printable(s string) bool {
	return s != "" && !strings.ContainsFunc(s, unicode.IsControl)
}

// printableRune drops control characters from a description.
func printableRune(r rune) rune {
	if unicode.IsControl(r) {
		return -1
	}
	return r
}
