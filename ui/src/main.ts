import { mount } from "svelte";
import "./styles.css";
import App from "./App.svelte";
import { start } from "./lib/app.svelte";

const app = mount(App, { target: document.getElementById("app")! });
void start();

export default app;
