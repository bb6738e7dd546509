package dash

import (
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/cmd/segdash/config"
)

// Register adds the dashboard's own flags to f. --theme, --refresh and
// --length are read through config.Resolve, where they override the config
// file.
func (d *Flags) Register(f *pflag.FlagSet) {
	f.String("theme", "auto", "colour theme: auto (from the terminal background), dark, light, ocean, high-contrast, mono")
	f.Duration("refresh", config.DefaultRefresh, "live refresh interval (0 turns it off); the demo defaults to 10s")
	f.Int("length", config.DefaultLength, "initial window in days, 1..365 (keys 1-5 switch between 7, 30, 90, 180 and 365)")
	f.BoolVar(&d.NoMouse, "no-mouse", false, "start with mouse capture off (m toggles it)")
	f.StringVar(&d.ExportDir, "export-dir", ".", "directory where e writes CSV files")
	f.StringVar(&d.Watch, "watch", "", "open with this watchlist from the config file selected")
	f.BoolVar(&d.Offline, "offline", false, "show only the data saved by the last run; send no request at all")
}
