"""The pure core of delivery: nomination checks and attendance rules over plain data, no
Django. The shell (``govcap.delivery``) loads, calls, saves and words the findings."""
