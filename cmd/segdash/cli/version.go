package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// BuildFacts is what a binary knows about how it was built.
type BuildFacts struct {
	Version  string // stamped, else the module version, else "dev"
	Revision string // VCS revision, when built from a checkout
	Time     string // VCS commit time, when built from a checkout
	Modified bool   // the checkout had uncommitted changes
	Go       string // the Go toolchain
	Platform string // GOOS/GOARCH
}

// ReadBuildFacts collects the facts from stamped (the version the release
// build set with the linker's -X, or "") and bi (runtime/debug's build
// info; ok false when there is none).
func ReadBuildFacts(stamped string, bi *debug.BuildInfo, ok bool) BuildFacts {
	f := BuildFacts{Version: stamped, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
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

// CurrentBuild is the running binary's build facts, with stamped as in
// ReadBuildFacts.
func CurrentBuild(stamped string) BuildFacts {
	bi, ok := debug.ReadBuildInfo()
	return ReadBuildFacts(stamped, bi, ok)
}

// String is the text of `segdash version` and `segdash --version`.
func (f BuildFacts) String() string {
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

// SetVersion makes root's --version print what `segdash version` prints.
func SetVersion(root *cobra.Command, facts BuildFacts) {
	root.Version = facts.Version
	root.SetVersionTemplate(facts.String())
}
