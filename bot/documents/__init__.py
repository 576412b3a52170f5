"""An organisation's own documents: read in a capped worker (`worker`), added, listed, shown and removed from the
command line (`command`). What they are and how they are cited: knowledge/local/."""
