"""demain: the newsroom and publishing system behind « Le monde de demAIn »."""
