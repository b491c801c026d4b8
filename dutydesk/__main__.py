import sys

from dutydesk.cli import main

sys.exit(main())
