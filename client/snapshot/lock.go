package snapshot

// LockFile takes an exclusive lock on path (created if missing), waiting
// while another process holds it; unlock releases it. Other files that
// several segdash processes rewrite (the config's watchlists) take it too,
// so one piece of code locks everything segdash shares on disk.
func LockFile(path string) (unlock func(), err error) { return lockFile(path) }
