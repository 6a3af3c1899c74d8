"""Committee exports: PowerPoint, Excel workbooks and chart images."""
