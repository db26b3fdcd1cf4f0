"""Order batching and wave planning (pure Python: no Qt, no database). See docs/routing.md."""

from app.waves.batching import STRATEGIES, Batch, Order, plan_batches

__all__ = ["STRATEGIES", "Batch", "Order", "plan_batches"]
