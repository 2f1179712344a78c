using StmNode.Cloud;

namespace StmNode.Node
{
    /// <summary>
    /// The node's device model for the cloud profiles' downlink checks: the commands and writable properties of
    /// hardware/iotda-product-model.json (a host test keeps the two in step). It is <see cref="DeviceModel.CreateStm32"/>,
    /// kept in one place so the device and the PC host check downlinks against the same table.
    /// </summary>
    public static class NodeDeviceModel
    {
        public static DeviceModel Create()
        {
            return DeviceModel.CreateStm32();
        }
    }
}
