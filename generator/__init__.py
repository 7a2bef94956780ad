"""绩效公开: structured performance self-evaluations in, a searchable static website out."""
