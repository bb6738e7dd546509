package main

import "github.com/segdash/segdash/cmd/segdash/cli"

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
