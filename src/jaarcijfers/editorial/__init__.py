"""What people write and decide beside the data: the editorial folder of an edition (docs/editorial.md)."""
