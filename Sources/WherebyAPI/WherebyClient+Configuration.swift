// The Whereby client; generated sources arrive through the build plugin.
