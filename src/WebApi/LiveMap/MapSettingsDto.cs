namespace OrderTracking.WebApi.LiveMap;

/// <summary>Where the web client's maps take their tiles from, and the attribution it must show.</summary>
public sealed record MapSettingsDto(string TileUrl, string Attribution, int MaxZoom);
