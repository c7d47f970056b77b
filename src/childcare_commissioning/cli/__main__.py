import sys

from childcare_commissioning.cli import main

sys.exit(main())
