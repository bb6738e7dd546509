package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
)

// releaseVersion is stamped by the release build:
//
//	go build -ldflags "-X main.releaseVersion=v1.2.3" ./cmd/segdash
//
// It is a variable only because the linker can set nothing else; nothing
// assigns it at run time.
var releaseVersion string

// currentBuild is this binary's build facts.
func currentBuild() cli.BuildFacts { return cli.CurrentBuild(releaseVersion) }

// version is this binary's version alone (for the User-Agent).
func version() string { return currentBuild().Version }

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
