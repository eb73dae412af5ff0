"""Page building: stub files, the page context the templates read, the facts box, the report chart,
QR codes.
"""
