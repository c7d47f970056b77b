"""Published formats of the sector, read into the library's model and written back out.

Each format lives in its own module (``formats.ssda903``, ...), imported only when used, so
``import childcare_commissioning`` stays light.
"""
