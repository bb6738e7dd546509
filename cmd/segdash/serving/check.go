package serving

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// Usage is what a session without a terminal hears when it asks for
// anything but a check.
const Usage = "segdash: without a terminal only one-shot checks run here:\n" +
	"  ssh -p PORT HOST check [--format chart|spark|json|csv|nagios] [--length N] [--min N] [--max-drop PCT] [--rules] [--compare previous] SEGMENT...\n" +
	"for the dashboard, connect with a terminal: ssh -t -p PORT HOST\n"

// CheckExample is check's help example over SSH, where the command is
// typed after ssh (a name with spaces quoted twice: OpenSSH joins the
// words of a remote command with spaces).
const CheckExample = `  ssh -p PORT HOST check VIP
  ssh -p PORT HOST 'check --format spark "Lapsed Users - 7 days" VIP'
  ssh -p PORT HOST check --format nagios --min 10000 --max-drop 5 VIP
  ssh -p PORT HOST check --rules --format json --yes SEGMENT_ID OTHER_ID`

// What one `check` over SSH may cost of the workspace's shared hourly API
// budget, in API requests: more than CheckAsk runs only with --yes, more
// than CheckMax not at all.
const (
	CheckAsk = 100
	CheckMax = 1000
)

// CheckCost is the most API requests `check args` can send in w now,
// check's flags being fs: what naming its segments sends on w's shared
// cache (client.Cache.ResolveCost: the details of a few ids, else the
// workspace's listing when the one held does not name them all), then a
// series request per segment and window, a window past client.MaxLength
// days one per aligned chunk it touches, twice that with --compare.
// --rules adds none: the rules are tested on the segments asked for. ok
// is false when the flags do not parse (check says why).
func (w Workspace) CheckCost(fs *pflag.FlagSet, args []string) (n int, yes, ok bool) {
	return checkCost(fs, w.Config, w.Backend.Cache, args)
}

// checkCost is Workspace.CheckCost, naming the segments on cache when it
// is not nil.
func checkCost(fs *pflag.FlagSet, cfg config.Config, cache *client.Cache, args []string) (n int, yes, ok bool) {
	fs.Bool("yes", false, "")
	fs.String("color", "", "") // check's own, over the session's environment
	if fs.Parse(args) != nil {
		return 0, false, false
	}
	length := cfg.Length
	if fs.Changed("length") {
		length, _ = fs.GetInt("length")
	}
	windows := 1
	if length > client.MaxLength {
		windows = (length+client.ChunkDays-1)/client.ChunkDays + 1
	}
	if c, _ := fs.GetString("compare"); c != "" {
		windows *= 2
	}
	refs := fs.Args() // as check has them: the watchlist's, then the arguments
	if name, _ := fs.GetString("watch"); name != "" {
		if wl, err := cfg.Watchlist(name); err == nil {
			refs = append(append([]string(nil), wl.Segments...), refs...)
		}
	}
	n = len(refs) * windows
	if cache != nil {
		n += cache.ResolveCost(refs)
	}
	yes, _ = fs.GetBool("yes")
	return n, yes, true
}

// CheckRefusal is why a check over SSH that may cost n requests does not
// run (yes is its --yes), or "" when it may.
func CheckRefusal(n int, yes bool) string {
	switch {
	case n > CheckMax:
		return fmt.Sprintf("segdash: this check may cost up to %d API requests; over SSH at most %d run: check fewer segments (a few ids need no listing of the workspace), a shorter --length or no --compare\n", n, CheckMax)
	case n > CheckAsk && !yes:
		return fmt.Sprintf("segdash: this check may cost up to %d API requests of the workspace's shared hourly budget (over SSH, more than %d need it said): add --yes to run it\n", n, CheckAsk)
	}
	return ""
}
