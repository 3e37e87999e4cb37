from mobility_tui.cli import main

raise SystemExit(main())
