import sys

from kennishub.cli import main

sys.exit(main())
