package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// releaseVersion is stamped by the release build:
//
//	go build -ldflags "-X main.releaseVersion=v1.2.3" ./cmd/segdash
//
// It is a variable only because the linker can set nothing else; nothing
// assigns it at run time.
var releaseVersion string

// buildFacts is what a binary knows about how it was built.
type buildFacts struct {
	Version  string // stamped, else the module version, else "dev"
	Revision string // VCS revision, when built from a checkout
	Time     string // VCS commit time, when built from a checkout
	Modified bool   // the checkout had uncommitted changes
	Go       string // the Go toolchain
	Platform string // GOOS/GOARCH
}

// readBuildFacts collects the facts from stamped (releaseVersion) and bi
// (runtime/debug's build info; ok false when there is none).
func readBuildFacts(stamped string, bi *debug.BuildInfo, ok bool) buildFacts {
	f := buildFacts{Version: stamped, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if !ok || bi == nil {
		if f.Version == "" {
			f.Version = "dev"
		}
		return f
	}
	if bi.GoVersion != "" {
		f.Go = bi.GoVersion
	}
	if f.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		f.Version = bi.Main.Version
	}
	if f.Version == "" {
		f.Version = "dev"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			f.Revision = s.Value
		case "vcs.time":
			f.Time = s.Value
		case "vcs.modified":
			f.Modified = s.Value == "true"
		}
	}
	return f
}

// currentBuild is this binary's build facts.
func currentBuild() buildFacts {
	bi, ok := debug.ReadBuildInfo()
	return readBuildFacts(releaseVersion, bi, ok)
}

// version is this binary's version alone (for the User-Agent).
func version() string { return currentBuild().Version }

// String is the text of `segdash version` and `segdash --version`.
func (f buildFacts) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "segdash %s\n", f.Version)
	if f.Revision != "" {
		var notes []string
		if f.Time != "" {
			notes = append(notes, f.Time)
		}
		if f.Modified {
			notes = append(notes, "modified")
		}
		rev := f.Revision
		if len(notes) > 0 {
			rev += " (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintf(&b, "commit:   %s\n", rev)
	}
	fmt.Fprintf(&b, "go:       %s\n", f.Go)
	fmt.Fprintf(&b, "platform: %s\n", f.Platform)
	return b.String()
}

// setVersion makes root's --version print what `segdash version` prints.
func setVersion(root *cobra.Command, facts buildFacts) {
	root.Version = facts.Version
	root.SetVersionTemplate(facts.String())
}

func (a *app) newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit, Go version and platform",
		Long: `version prints what this binary knows of its build: the version (stamped by the
release build, else the Go module version, else dev), the commit and its time when
built from a git checkout, the Go version and the platform. segdash --version
prints the same.`,
		Example: "  segdash version",
		Args:    cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprint(a.out, currentBuild().String())
		},
	}
}
